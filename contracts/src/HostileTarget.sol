// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

/// @title HostileTarget
/// @notice An adversary for the relayer's tests, never a target to deploy for real use. It is cheap
/// where a careless relayer simulates and expensive (or reverting) where the relayer pays:
/// - {burnWhenRelayed} burns about 2.4M gas whenever `tx.origin != msg.sender`: simulated from the
///   forwarder itself it is cheap, inside the relayer's transaction it is not;
/// - {burnWhenArmed} burns when the public flag is set, which anyone flips with {arm} after the
///   relayer quoted or accepted the call;
/// - {revertWhenArmed} writes `slots` fresh storage slots, then reverts if armed: it passes every
///   simulation run before the flag flips and burns the relayer's gas on chain.
contract HostileTarget {
    /// @notice Fresh storage slots one burn writes (22,100 gas each).
    uint256 public constant BURN_SLOTS = 110;

    bool public armed;
    uint256 private _next;
    mapping(uint256 => uint256) private _junk;

    error Armed();

    /// @notice Anyone may flip the flag: that is the attack.
    function arm(bool on) external {
        armed = on;
    }

    function burnWhenRelayed() external {
        if (tx.origin != msg.sender) _burn(BURN_SLOTS);
    }

    function burnWhenArmed() external {
        if (armed) _burn(BURN_SLOTS);
    }

    function revertWhenArmed(uint256 slots) external {
        _burn(slots);
        if (armed) revert Armed();
    }

    function _burn(uint256 slots) private {
        uint256 base = _next;
        for (uint256 i = 0; i < slots; i++) {
            _junk[base + i] = 1;
        }
        _next = base + slots;
    }
}
