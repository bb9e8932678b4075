// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {CroGasFixture} from "./base/CroGasFixture.sol";
import {vm} from "./base/Vm.sol";

/// @notice Typical successful calls only, so that `forge test --gas-report --match-contract
/// GasScenariosTest --isolate` gives the figures of docs/gas.md (the other suites also measure
/// reverting calls, which would skew the table).
contract GasScenariosTest is CroGasFixture {
    /// @dev A user's first paid request: their nonce, the EIP-3009 nonce slot and the demo target's
    /// slots go from zero to non-zero; the fee recipient already holds USDC.
    function test_paid_firstRequestOfAUser() public {
        seedRecipient();
        paid(alice, aliceKey, 42);
    }

    /// @dev Steady state: the user's second paid request.
    function test_paid_nextRequestOfAUser() public {
        seedRecipient();
        paid(alice, aliceKey, 42);
        paid(alice, aliceKey, 43);
    }

    function test_sponsored_nextRequestOfAUser() public {
        MetaTx memory first = metaTx(alice, storeCall(42));
        executeSponsored(first, sign(aliceKey, first));
        MetaTx memory next = metaTx(alice, storeCall(43));
        executeSponsored(next, sign(aliceKey, next));
    }

    function paid(address user, uint256 key, uint256 value) internal {
        MetaTx memory m = metaTx(user, storeCall(value));
        CroGasForwarder.FeeAuthorization memory fee = feeFor(key, m, FEE);
        execute(m, sign(key, m), fee);
    }

    /// @dev The recipient has been paid before (as in production), so its balance slot is warm-able.
    function seedRecipient() internal {
        paid(bob, bobKey, 1);
    }
}
