// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CroGasFixture} from "../base/CroGasFixture.sol";
import {InvariantBase} from "../base/TestBase.sol";
import {vm} from "../base/Vm.sol";
import {ForwarderHandler} from "./ForwarderHandler.sol";

/// @notice The invariants of PRODUCT.md §3, checked after every step of random relayer behaviour
/// (ForwarderHandler): no attack of any kind ever executes, and the balances and nonces are
/// exactly what the honest steps account for.
contract CroGasForwarderInvariantTest is CroGasFixture, InvariantBase {
    ForwarderHandler internal handler;
    address[] internal users;

    function setUp() public override {
        super.setUp();
        uint256[] memory keys = new uint256[](3);
        for (uint256 i = 0; i < keys.length; ++i) {
            (keys[i],) = makeKey(string.concat("user", vm.toString(i)));
        }
        handler = new ForwarderHandler(forwarder, deployForwarder(), usdc, target, relayer, keys);
        for (uint256 i = 0; i < keys.length; ++i) {
            users.push(handler.users(i));
            vm.prank(owner);
            usdc.mint(users[i], INITIAL_BALANCE);
        }

        bytes4[] memory selectors = new bytes4[](10);
        selectors[0] = ForwarderHandler.relayPaid.selector;
        selectors[1] = ForwarderHandler.relaySponsored.selector;
        selectors[2] = ForwarderHandler.replayLast.selector;
        selectors[3] = ForwarderHandler.relayExpired.selector;
        selectors[4] = ForwarderHandler.relayOnOtherChain.selector;
        selectors[5] = ForwarderHandler.relayOnOtherForwarder.selector;
        selectors[6] = ForwarderHandler.relayTampered.selector;
        selectors[7] = ForwarderHandler.relayFailingCall.selector;
        selectors[8] = ForwarderHandler.relayMalleated.selector;
        selectors[9] = ForwarderHandler.passTime.selector;
        targetSelector(FuzzSelector(address(handler), selectors));
    }

    function assertNoneAccepted(ForwarderHandler.Attack kind, string memory what) internal view {
        vm.assertEq(handler.accepted(kind), 0, what);
    }

    function invariant_noReplayOfAnExecutedRequest() public view {
        assertNoneAccepted(ForwarderHandler.Attack.Replay, "replayed request executed");
    }

    function invariant_noExecutionAfterTheDeadline() public view {
        assertNoneAccepted(ForwarderHandler.Attack.Expired, "expired request executed");
    }

    function invariant_noReplayOnAnotherChain() public view {
        assertNoneAccepted(ForwarderHandler.Attack.OtherChain, "request executed on another chain");
    }

    function invariant_noReplayOnAnotherForwarder() public view {
        assertNoneAccepted(ForwarderHandler.Attack.OtherForwarder, "request executed on another forwarder");
    }

    function invariant_relayerCannotAlterTargetCalldataTierOrFee() public view {
        assertNoneAccepted(ForwarderHandler.Attack.Tampered, "altered request executed");
    }

    function invariant_failedCallIsNeverCharged() public view {
        assertNoneAccepted(ForwarderHandler.Attack.FailingCall, "failing call went through");
    }

    function invariant_highSAndWrongVAreRejected() public view {
        assertNoneAccepted(ForwarderHandler.Attack.Malleated, "malleated signature accepted");
    }

    /// @dev No replay: a user's nonce counts exactly the requests that executed.
    function invariant_nonceCountsExecutedRequests() public view {
        for (uint256 i = 0; i < users.length; ++i) {
            vm.assertEq(forwarder.nonces(users[i]), handler.executed(users[i]), "nonce == executions");
        }
    }

    /// @dev The user never pays more than signed: each balance fell by exactly the fees of the
    /// requests that executed.
    function invariant_usersPayExactlyTheSignedFeesOfExecutedRequests() public view {
        for (uint256 i = 0; i < users.length; ++i) {
            vm.assertEq(
                usdc.balanceOf(users[i]), INITIAL_BALANCE - handler.feesSigned(users[i]), "balance == initial - fees"
            );
        }
    }

    /// @dev The fee moves only together with the execution: the recipient holds exactly those fees.
    function invariant_recipientHoldsOnlyFeesOfExecutedRequests() public view {
        vm.assertEq(usdc.balanceOf(feeRecipient), handler.totalFees(), "recipient == sum of executed fees");
    }

    /// @dev Fees pass through: the forwarder never keeps USDC.
    function invariant_forwarderHoldsNoUsdc() public view {
        vm.assertEq(usdc.balanceOf(address(forwarder)), 0, "forwarder balance");
    }

    /// @dev The target sees the signer as _msgSender(), never the forwarder or the relayer.
    function invariant_targetSawTheLastSigner() public view {
        vm.assertEq(target.lastSender(), handler.lastUser(), "last sender == last signer");
    }

    /// @dev Supply is conserved: nothing is minted or burnt by relaying.
    function invariant_supplyIsConserved() public view {
        vm.assertEq(usdc.totalSupply(), 2 * INITIAL_BALANCE + users.length * INITIAL_BALANCE, "supply");
    }
}
