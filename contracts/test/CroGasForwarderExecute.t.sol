// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {DemoTarget} from "../src/DemoTarget.sol";
import {TestUSDC} from "../src/TestUSDC.sol";
import {CroGasFixture} from "./base/CroGasFixture.sol";
import {vm} from "./base/Vm.sol";

/// @notice The paid path, `execute`: what it does and every way it refuses.
contract CroGasForwarderExecuteTest is CroGasFixture {
    event MetaTransactionExecuted(
        address indexed user, address indexed target, uint256 nonce, bool success, bytes32 digest
    );
    event FeeCharged(address indexed user, uint256 amount, address indexed recipient, bytes32 digest);
    event ValueStored(address indexed sender, uint256 value);
    event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce);

    MetaTx internal m;
    bytes internal signature;
    CroGasForwarder.FeeAuthorization internal fee;
    bytes32 internal digest;

    function setUp() public override {
        super.setUp();
        m = metaTx(alice, storeCall(42));
        signature = sign(aliceKey, m);
        fee = feeFor(aliceKey, m, FEE);
        digest = metaTxDigest(address(forwarder), m);
    }

    // ---- given a valid request ------------------------------------------------------------------

    function test_givenValidRequest_whenExecuted_thenTargetSeesUserAndFeeReachesRecipient() public {
        execute(m, signature, fee);

        vm.assertEq(target.lastSender(), alice, "target sees the user as _msgSender()");
        vm.assertEq(target.lastValue(), 42, "call ran with the signed calldata");
        vm.assertEq(forwarder.nonces(alice), 1, "nonce used");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE - FEE, "user paid the signed fee");
        vm.assertEq(usdc.balanceOf(feeRecipient), FEE, "recipient got the fee");
        vm.assertEq(usdc.balanceOf(address(forwarder)), 0, "forwarder keeps nothing");
        vm.assertTrue(usdc.authorizationState(alice, digest), "fee authorization used");
    }

    function test_givenValidRequest_whenExecuted_thenEventsAreEmittedInOrder() public {
        vm.expectEmit(address(usdc));
        emit AuthorizationUsed(alice, digest);
        vm.expectEmit(address(forwarder));
        emit FeeCharged(alice, FEE, feeRecipient, digest);
        vm.expectEmit(address(target));
        emit ValueStored(alice, 42);
        vm.expectEmit(address(forwarder));
        emit MetaTransactionExecuted(alice, address(target), 0, true, digest);

        execute(m, signature, fee);
    }

    function test_givenViewCall_whenExecuted_thenTargetReturnDataIsReturned() public {
        execute(m, signature, fee);
        MetaTx memory read = metaTx(alice, abi.encodeCall(target.lastValue, ()));

        bytes memory result = execute(read, sign(aliceKey, read), feeFor(aliceKey, read, 0));

        vm.assertEq(result, abi.encode(uint256(42)), "result is the target's return data");
    }

    function test_givenZeroFee_whenExecuted_thenCallRunsAndNothingMoves() public {
        execute(m, signature, feeFor(aliceKey, m, 0));

        vm.assertEq(target.lastValue(), 42, "call ran");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE, "no fee");
    }

    function test_givenOneSecondBeforeDeadline_whenExecuted_thenAccepted() public {
        vm.warp(m.deadline - 1);
        execute(m, signature, fee);
        vm.assertEq(forwarder.nonces(alice), 1, "accepted");
    }

    /// @dev The meta-transaction deadline is inclusive, EIP-3009's validBefore exclusive: a fee valid
    /// until the deadline has expired at the deadline itself, so the paid path ends one second early.
    function test_givenDeadlineNow_whenExecuted_thenFeeAuthorizationHasExpired() public {
        vm.warp(m.deadline);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationExpired.selector, m.deadline));
        execute(m, signature, fee);
    }

    // ---- who may submit -------------------------------------------------------------------------

    function test_givenUnknownCaller_whenExecuting_thenUnauthorizedRelayer() public {
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.UnauthorizedRelayer.selector, alice));
        vm.prank(alice);
        forwarder.execute(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, fee);
    }

    function test_givenPaused_whenExecuting_thenEnforcedPause() public {
        vm.prank(owner);
        forwarder.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        execute(m, signature, fee);
    }

    // ---- the request ----------------------------------------------------------------------------

    function test_givenForwarderAsTarget_whenExecuting_thenForbiddenTarget() public {
        m.target = address(forwarder);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.ForbiddenTarget.selector, address(forwarder)));
        execute(m, sign(aliceKey, m), fee);
    }

    function test_givenUsdcAsTarget_whenExecuting_thenForbiddenTarget() public {
        m.target = address(usdc);
        m.data = abi.encodeCall(usdc.transfer, (alice, 1));
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.ForbiddenTarget.selector, address(usdc)));
        execute(m, sign(aliceKey, m), fee);
    }

    function test_givenAccountWithoutCode_whenExecuting_thenTargetNotContract() public {
        m.target = bob;
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.TargetNotContract.selector, bob));
        execute(m, sign(aliceKey, m), fee);
    }

    function test_givenPastDeadline_whenExecuting_thenMetaTransactionExpired() public {
        vm.warp(m.deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(CroGasForwarder.MetaTransactionExpired.selector, m.deadline, m.deadline + 1)
        );
        execute(m, signature, fee);
    }

    function test_givenOtherSigner_whenExecuting_thenInvalidSigner() public {
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidSigner.selector, bob, alice));
        execute(m, sign(bobKey, m), fee);
    }

    function test_givenFutureNonce_whenExecuting_thenInvalidNonce() public {
        m.nonce = 1;
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidNonce.selector, alice, 0, 1));
        execute(m, sign(aliceKey, m), fee);
    }

    function test_givenExecutedRequest_whenReplayed_thenInvalidNonce() public {
        execute(m, signature, fee);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidNonce.selector, alice, 1, 0));
        execute(m, signature, fee);
    }

    // ---- the signature --------------------------------------------------------------------------

    function test_givenHighS_whenExecuting_thenECDSAInvalidSignatureS() public {
        bytes memory malleated = malleate(signature);
        (, bytes32 s,) = splitSignature(malleated);
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, s));
        execute(m, malleated, fee);
    }

    function test_givenWrongV_whenExecuting_thenECDSAInvalidSignature() public {
        for (uint8 v = 0; v < 2; ++v) {
            bytes memory wrongV = withV(signature, v);
            vm.expectRevert(ECDSA.ECDSAInvalidSignature.selector);
            execute(m, wrongV, fee);
        }
        vm.expectRevert(ECDSA.ECDSAInvalidSignature.selector);
        execute(m, withV(signature, 29), fee);
    }

    function test_givenShortSignature_whenExecuting_thenECDSAInvalidSignatureLength() public {
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureLength.selector, 64));
        execute(m, new bytes(64), fee);
    }

    // ---- the fee --------------------------------------------------------------------------------

    function test_givenFeeValidPastDeadline_whenExecuting_thenFeeAuthorizationOutlivesDeadline() public {
        fee = signFee(aliceKey, usdc, address(forwarder), digest, FEE, 0, m.deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                CroGasForwarder.FeeAuthorizationOutlivesDeadline.selector, m.deadline + 1, m.deadline
            )
        );
        execute(m, signature, fee);
    }

    function test_givenFeeSignatureOfWrongLength_whenExecuting_thenInvalidFeeSignatureLength() public {
        fee.signature = new bytes(64);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidFeeSignatureLength.selector, 64));
        execute(m, signature, fee);
    }

    function test_givenRaisedFeeValue_whenExecuting_thenUsdcRejectsTheSigner() public {
        fee.value = FEE + 1;
        vm.expectPartialRevert(TestUSDC.InvalidAuthorizationSigner.selector);
        execute(m, signature, fee);
    }

    function test_givenFeeForAnotherRequest_whenExecuting_thenUsdcRejectsTheSigner() public {
        MetaTx memory other = metaTx(alice, storeCall(7));
        CroGasForwarder.FeeAuthorization memory otherFee = feeFor(aliceKey, other, FEE);
        vm.expectPartialRevert(TestUSDC.InvalidAuthorizationSigner.selector);
        execute(m, signature, otherFee);
    }

    function test_givenFeeNotYetValid_whenExecuting_thenAuthorizationNotYetValid() public {
        fee = signFee(aliceKey, usdc, address(forwarder), digest, FEE, block.timestamp, m.deadline);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationNotYetValid.selector, block.timestamp));
        execute(m, signature, fee);
    }

    function test_givenFeeExpired_whenExecuting_thenAuthorizationExpired() public {
        fee = signFee(aliceKey, usdc, address(forwarder), digest, FEE, 0, block.timestamp);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationExpired.selector, block.timestamp));
        execute(m, signature, fee);
    }

    function test_givenUserCanceledFee_whenExecuting_thenAuthorizationAlreadyUsed() public {
        bytes32 cancelHash = keccak256(abi.encode(usdc.CANCEL_AUTHORIZATION_TYPEHASH(), alice, digest));
        usdc.cancelAuthorization(
            alice, digest, signDigest(aliceKey, typedDataDigest(usdc.DOMAIN_SEPARATOR(), cancelHash))
        );

        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationAlreadyUsed.selector, alice, digest));
        execute(m, signature, fee);
    }

    function test_givenBalanceBelowFee_whenExecuting_thenERC20InsufficientBalance() public {
        fee = feeFor(aliceKey, m, INITIAL_BALANCE + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IERC20Errors.ERC20InsufficientBalance.selector, alice, INITIAL_BALANCE, INITIAL_BALANCE + 1
            )
        );
        execute(m, signature, fee);
    }

    // ---- the call -------------------------------------------------------------------------------

    function test_givenTargetReverts_whenExecuting_thenCallFailedAndNothingIsTaken() public {
        m = metaTx(alice, storeCall(13));
        fee = feeFor(aliceKey, m, FEE);
        bytes memory reason = abi.encodeWithSelector(DemoTarget.UnluckyValue.selector, 13);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.CallFailed.selector, reason));
        execute(m, sign(aliceKey, m), fee);

        vm.assertEq(forwarder.nonces(alice), 0, "nonce not used");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE, "no fee taken");
        vm.assertFalse(usdc.authorizationState(alice, metaTxDigest(address(forwarder), m)), "authorization unused");
    }
}
