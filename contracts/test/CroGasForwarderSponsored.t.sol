// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {DemoTarget} from "../src/DemoTarget.sol";
import {CroGasFixture} from "./base/CroGasFixture.sol";
import {vm} from "./base/Vm.sol";

/// @notice The sponsored path, `executeSponsored`: the same checks as `execute`, no fee.
contract CroGasForwarderSponsoredTest is CroGasFixture {
    event MetaTransactionExecuted(
        address indexed user, address indexed target, uint256 nonce, bool success, bytes32 digest
    );

    MetaTx internal m;
    bytes internal signature;

    function setUp() public override {
        super.setUp();
        m = metaTx(alice, storeCall(42));
        signature = sign(aliceKey, m);
    }

    function test_givenValidRequest_whenSponsored_thenCallRunsAndNoFeeMoves() public {
        vm.expectEmit(address(forwarder));
        emit MetaTransactionExecuted(alice, address(target), 0, true, metaTxDigest(address(forwarder), m));
        executeSponsored(m, signature);

        vm.assertEq(target.lastSender(), alice, "target sees the user");
        vm.assertEq(target.lastValue(), 42, "call ran");
        vm.assertEq(forwarder.nonces(alice), 1, "nonce used");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE, "no fee");
    }

    function test_givenDeadlineNow_whenSponsored_thenAccepted() public {
        vm.warp(m.deadline);
        executeSponsored(m, signature);
        vm.assertEq(forwarder.nonces(alice), 1, "the deadline itself is still valid");
    }

    function test_givenSponsoredThenPaid_thenBothPathsShareTheNonceSequence() public {
        executeSponsored(m, signature);
        MetaTx memory next = metaTx(alice, storeCall(43));
        vm.assertEq(next.nonce, 1, "next nonce");
        execute(next, sign(aliceKey, next), feeFor(aliceKey, next, FEE));
        vm.assertEq(forwarder.nonces(alice), 2, "one sequence");

        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidNonce.selector, alice, 2, 0));
        executeSponsored(m, signature);
    }

    function test_givenUnknownCaller_whenSponsoring_thenUnauthorizedRelayer() public {
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.UnauthorizedRelayer.selector, bob));
        vm.prank(bob);
        forwarder.executeSponsored(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature);
    }

    function test_givenPaused_whenSponsoring_thenEnforcedPause() public {
        vm.prank(owner);
        forwarder.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        executeSponsored(m, signature);
    }

    function test_givenUsdcAsTarget_whenSponsoring_thenForbiddenTarget() public {
        m.target = address(usdc);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.ForbiddenTarget.selector, address(usdc)));
        executeSponsored(m, sign(aliceKey, m));
    }

    function test_givenPastDeadline_whenSponsoring_thenMetaTransactionExpired() public {
        vm.warp(m.deadline + 10);
        vm.expectRevert(
            abi.encodeWithSelector(CroGasForwarder.MetaTransactionExpired.selector, m.deadline, m.deadline + 10)
        );
        executeSponsored(m, signature);
    }

    function test_givenOtherSigner_whenSponsoring_thenInvalidSigner() public {
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidSigner.selector, alice, bob));
        m.user = bob;
        executeSponsored(m, signature);
    }

    function test_givenHighS_whenSponsoring_thenECDSAInvalidSignatureS() public {
        bytes memory malleated = malleate(signature);
        (, bytes32 s,) = splitSignature(malleated);
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, s));
        executeSponsored(m, malleated);
    }

    function test_givenTargetReverts_whenSponsoring_thenCallFailedAndNonceUnused() public {
        m = metaTx(alice, storeCall(13));
        signature = sign(aliceKey, m);
        bytes memory reason = abi.encodeWithSelector(DemoTarget.UnluckyValue.selector, 13);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.CallFailed.selector, reason));
        executeSponsored(m, signature);
        vm.assertEq(forwarder.nonces(alice), 0, "nonce unused");
    }
}
