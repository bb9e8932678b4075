// The TypeScript MCP client (@modelcontextprotocol/sdk, nobody here wrote it) driving `crogas mcp`
// over stdio: it lists the tools, quotes and executes a gasless call, pays an x402 resource, and
// checks that the session's spending caps hold across calls. Prints the session as one JSON object
// on standard output (the transcript); exits 1 if the server broke the protocol.
//
// Environment: CROGAS_MCP_COMMAND and CROGAS_MCP_ARGS (JSON array) start the server;
// DEMO_TARGET and DEMO_CALLDATA (the call to execute); PAID_URL, V1_URL, EXPENSIVE_URL (resources).
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const transport = new StdioClientTransport({
  command: env("CROGAS_MCP_COMMAND"),
  args: JSON.parse(env("CROGAS_MCP_ARGS")),
  env: { ...process.env },
  stderr: "inherit",
});
const client = new Client({ name: "crogas-test-agent", version: "1.0.0" });
const transcript = [];
const call = async (name, args) => {
  const result = await client.callTool({ name, arguments: args });
  transcript.push({ call: name, arguments: args, isError: result.isError ?? false,
    text: result.content?.map((c) => c.text).join("\n"), structuredContent: result.structuredContent });
  return result;
};

await client.connect(transport);
const { tools } = await client.listTools();
transcript.push({ listTools: tools.map((t) => ({ name: t.name, inputSchema: t.inputSchema })) });
const target = env("DEMO_TARGET");
const calldata = env("DEMO_CALLDATA");
await call("crogas_quote", { target, calldata });
await call("crogas_execute", { target, calldata, gasLevel: "normal" });
await call("crogas_balance", {});
await call("x402_fetch", { url: env("PAID_URL") });
await call("x402_fetch", { url: env("EXPENSIVE_URL") });
await call("x402_fetch", { url: env("V1_URL") });
await call("x402_discover", { type: "http", limit: 10 });
await call("crogas_status", { id: "no such id" });
await client.close();
process.stdout.write(JSON.stringify({ serverVersion: client.getServerVersion(), transcript }, null, 2) + "\n");
