// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ERC2771Context} from "@openzeppelin/contracts/metatx/ERC2771Context.sol";
import {Context} from "@openzeppelin/contracts/utils/Context.sol";

/// @title DemoTarget
/// @notice A minimal ERC-2771 target for `crogas dev` and the tests: it records who called it as
/// seen through the trusted forwarder (`_msgSender()`), and refuses one value so that a failing
/// call can be demonstrated.
contract DemoTarget is ERC2771Context {
    address public lastSender;
    uint256 public lastValue;

    event ValueStored(address indexed sender, uint256 value);

    error UnluckyValue(uint256 value);

    constructor(address trustedForwarder_) ERC2771Context(trustedForwarder_) {}

    /// @notice Stores `value` and the caller; reverts with {UnluckyValue} for 13.
    function store(uint256 value) external {
        if (value == 13) revert UnluckyValue(value);
        address sender = _msgSender();
        lastSender = sender;
        lastValue = value;
        emit ValueStored(sender, value);
    }
}
