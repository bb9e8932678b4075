package io.crogas.cli.mcp;

import java.util.Map;

/** What a tool call gave the agent: a result (structured content) or a refusal saying why. */
sealed interface ToolAnswer permits ToolAnswer.Result, ToolAnswer.Failure {
  /** The tool did its work; {@code content} is its structured result. */
  record Result(Map<String, Object> content) implements ToolAnswer {}

  /** The tool refused or failed; {@code reason} tells the agent why (an MCP tool error). */
  record Failure(String reason, Map<String, Object> content) implements ToolAnswer {
    Failure(String reason) {
      this(reason, Map.of());
    }
  }
}
