// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";

/// @notice A target whose behaviour depends on the gas it is given, to test what a relayer can do
/// by choosing the transaction's gas limit.
contract GasSensitiveTarget is ERC2771Context {
    mapping(uint256 => uint256) public slots;
    uint256 public completed;
    bool public degraded;

    error NotEnoughGas(uint256 required);

    constructor(address trustedForwarder_) ERC2771Context(trustedForwarder_) {}

    /// @notice Writes `rounds` fresh storage slots (about 22k gas each): runs out of gas when starved.
    function burn(uint256 rounds) public {
        uint256 first = completed;
        for (uint256 i = 0; i < rounds; ++i) {
            slots[first + i] = i + 1;
        }
        completed = first + rounds;
    }

    /// @notice Refuses, with a reason, to run below `minGas`.
    function requireGas(uint256 minGas) external {
        if (gasleft() < minGas) revert NotEnoughGas(minGas);
        completed += 1;
    }

    /// @notice Succeeds either way, but does less when starved: swallows its sub-call's failure.
    function bestEffort(uint256 rounds) external {
        try this.burn(rounds) {
            degraded = false;
        } catch {
            degraded = true;
        }
    }

    /// @notice Succeeds either way, but does less below `threshold`: branches on gasleft() itself.
    function gasDependent(uint256 threshold) external {
        degraded = gasleft() < threshold;
    }
}
