// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title TestPriceFeed
/// @notice A Chainlink-style CRO/USD aggregator (`AggregatorV3Interface`'s read functions) for local
/// chains and the tests: its owner sets each round's answer and update time, so a test can move
/// the price or let it go stale.
contract TestPriceFeed {
    uint8 public immutable decimals;
    address public immutable owner;
    uint80 private roundId;
    int256 private answer;
    uint256 private updatedAt;

    error NotOwner();

    constructor(uint8 decimals_, int256 answer_) {
        decimals = decimals_;
        owner = msg.sender;
        _setRound(answer_, block.timestamp);
    }

    /// @notice Starts a new round with `answer_`, updated at `updatedAt_` (seconds).
    function setRound(int256 answer_, uint256 updatedAt_) external {
        if (msg.sender != owner) revert NotOwner();
        _setRound(answer_, updatedAt_);
    }

    function description() external pure returns (string memory) {
        return "CRO / USD (test)";
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (roundId, answer, updatedAt, updatedAt, roundId);
    }

    function _setRound(int256 answer_, uint256 updatedAt_) private {
        roundId += 1;
        answer = answer_;
        updatedAt = updatedAt_;
    }
}
