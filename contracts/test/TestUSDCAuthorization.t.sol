// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {TestUSDC} from "../src/TestUSDC.sol";
import {TestBase} from "./base/TestBase.sol";
import {vm} from "./base/Vm.sol";

/// @notice EIP-3009: transfer, receive and cancel with authorization, in both signature forms.
contract TestUSDCAuthorizationTest is TestBase {
    event Transfer(address indexed from, address indexed to, uint256 value);
    event AuthorizationUsed(address indexed authorizer, bytes32 indexed nonce);
    event AuthorizationCanceled(address indexed authorizer, bytes32 indexed nonce);

    uint256 internal constant NOW = 1_750_000_000;
    bytes32 internal constant NONCE = keccak256("nonce-1");

    TestUSDC internal usdc;
    uint256 internal aliceKey;
    address internal alice;
    uint256 internal bobKey;
    address internal bob;

    function setUp() public {
        vm.warp(NOW);
        (, address admin) = makeKey("admin");
        (aliceKey, alice) = makeKey("alice");
        (bobKey, bob) = makeKey("bob");
        usdc = new TestUSDC("Bridged USDC (Stargate)", "USDC.e", "1", admin);
        vm.prank(admin);
        usdc.mint(alice, 100e6);
    }

    function auth(uint256 value) internal view returns (TestUSDC.Authorization memory) {
        return TestUSDC.Authorization(alice, bob, value, NOW - 1, NOW + 1 hours, NONCE);
    }

    function signAuth(uint256 key, bytes32 typehash, TestUSDC.Authorization memory a)
        internal
        view
        returns (bytes memory)
    {
        bytes32 structHash =
            keccak256(abi.encode(typehash, a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce));
        return signDigest(key, keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash)));
    }

    function signTransfer(TestUSDC.Authorization memory a) internal view returns (bytes memory) {
        return signAuth(aliceKey, usdc.TRANSFER_WITH_AUTHORIZATION_TYPEHASH(), a);
    }

    function signReceive(TestUSDC.Authorization memory a) internal view returns (bytes memory) {
        return signAuth(aliceKey, usdc.RECEIVE_WITH_AUTHORIZATION_TYPEHASH(), a);
    }

    function signCancel(uint256 key, address authorizer, bytes32 nonce) internal view returns (bytes memory) {
        bytes32 structHash = keccak256(abi.encode(usdc.CANCEL_AUTHORIZATION_TYPEHASH(), authorizer, nonce));
        return signDigest(key, keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash)));
    }

    function transfer(TestUSDC.Authorization memory a, bytes memory signature) internal {
        usdc.transferWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, signature);
    }

    function transferVrs(TestUSDC.Authorization memory a, bytes memory signature) internal {
        (bytes32 r, bytes32 s, uint8 v) = splitSignature(signature);
        usdc.transferWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, v, r, s);
    }

    // ---- transferWithAuthorization --------------------------------------------------------------

    function test_givenValidAuthorization_whenTransferred_thenValueMovesAndNonceIsUsed() public {
        TestUSDC.Authorization memory a = auth(3e6);
        bytes memory signature = signTransfer(a);
        vm.expectEmit(address(usdc));
        emit AuthorizationUsed(alice, NONCE);
        vm.expectEmit(address(usdc));
        emit Transfer(alice, bob, 3e6);
        transfer(a, signature);

        vm.assertEq(usdc.balanceOf(bob), 3e6, "bob received");
        vm.assertEq(usdc.balanceOf(alice), 97e6, "alice paid");
        vm.assertTrue(usdc.authorizationState(alice, NONCE), "nonce used");
    }

    function test_givenVrsForm_whenTransferred_thenSameEffect() public {
        TestUSDC.Authorization memory a = auth(3e6);
        transferVrs(a, signTransfer(a));
        vm.assertEq(usdc.balanceOf(bob), 3e6, "bob received");
    }

    function test_givenUsedAuthorization_whenReplayed_thenAuthorizationAlreadyUsed() public {
        TestUSDC.Authorization memory a = auth(3e6);
        bytes memory signature = signTransfer(a);
        transfer(a, signature);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationAlreadyUsed.selector, alice, NONCE));
        transferVrs(a, signature);
    }

    function test_givenValidAfterNow_whenTransferring_thenAuthorizationNotYetValid() public {
        TestUSDC.Authorization memory a = auth(1);
        a.validAfter = NOW;
        bytes memory signature = signTransfer(a);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationNotYetValid.selector, NOW));
        transfer(a, signature);
    }

    function test_givenValidBeforeNow_whenTransferring_thenAuthorizationExpired() public {
        TestUSDC.Authorization memory a = auth(1);
        a.validBefore = NOW;
        bytes memory signature = signTransfer(a);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationExpired.selector, NOW));
        transfer(a, signature);
    }

    function test_givenOtherSigner_whenTransferring_thenInvalidAuthorizationSigner() public {
        TestUSDC.Authorization memory a = auth(1);
        bytes memory signature = signAuth(bobKey, usdc.TRANSFER_WITH_AUTHORIZATION_TYPEHASH(), a);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.InvalidAuthorizationSigner.selector, bob, alice));
        transfer(a, signature);
    }

    function test_givenReceiveSignature_whenUsedForTransfer_thenInvalidAuthorizationSigner() public {
        TestUSDC.Authorization memory a = auth(1);
        bytes memory signature = signReceive(a);
        vm.expectPartialRevert(TestUSDC.InvalidAuthorizationSigner.selector);
        transfer(a, signature);
    }

    function test_givenHighS_whenTransferring_thenECDSAInvalidSignatureS() public {
        TestUSDC.Authorization memory a = auth(1);
        bytes memory malleated = malleate(signTransfer(a));
        (, bytes32 s,) = splitSignature(malleated);
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, s));
        transferVrs(a, malleated);
    }

    function test_givenWrongV_whenTransferring_thenECDSAInvalidSignature() public {
        TestUSDC.Authorization memory a = auth(1);
        bytes memory wrongV = withV(signTransfer(a), 1);
        vm.expectRevert(ECDSA.ECDSAInvalidSignature.selector);
        transfer(a, wrongV);
    }

    function test_givenShortSignature_whenTransferring_thenECDSAInvalidSignatureLength() public {
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureLength.selector, 64));
        transfer(auth(1), new bytes(64));
    }

    // ---- receiveWithAuthorization ---------------------------------------------------------------

    function test_givenPayee_whenReceiving_thenValueMoves() public {
        TestUSDC.Authorization memory a = auth(2e6);
        bytes memory signature = signReceive(a);
        vm.prank(bob);
        usdc.receiveWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, signature);
        vm.assertEq(usdc.balanceOf(bob), 2e6, "bob received");
        vm.assertTrue(usdc.authorizationState(alice, NONCE), "nonce used");
    }

    function test_givenPayee_whenReceivingWithVrs_thenValueMoves() public {
        TestUSDC.Authorization memory a = auth(2e6);
        (bytes32 r, bytes32 s, uint8 v) = splitSignature(signReceive(a));
        vm.prank(bob);
        usdc.receiveWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, v, r, s);
        vm.assertEq(usdc.balanceOf(bob), 2e6, "bob received");
    }

    function test_givenOtherCaller_whenReceiving_thenCallerMustBePayee() public {
        TestUSDC.Authorization memory a = auth(2e6);
        bytes memory signature = signReceive(a);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.CallerMustBePayee.selector, alice, bob));
        vm.prank(alice);
        usdc.receiveWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, signature);

        (bytes32 r, bytes32 s, uint8 v) = splitSignature(signature);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.CallerMustBePayee.selector, address(this), bob));
        usdc.receiveWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, v, r, s);
    }

    function test_givenTransferSignature_whenUsedForReceive_thenInvalidAuthorizationSigner() public {
        TestUSDC.Authorization memory a = auth(1);
        bytes memory signature = signTransfer(a);
        vm.expectPartialRevert(TestUSDC.InvalidAuthorizationSigner.selector);
        vm.prank(bob);
        usdc.receiveWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, signature);
    }

    // ---- cancelAuthorization --------------------------------------------------------------------

    function test_givenCanceledNonce_whenTransferring_thenAuthorizationAlreadyUsed() public {
        TestUSDC.Authorization memory a = auth(1);
        bytes memory signature = signTransfer(a);
        vm.expectEmit(address(usdc));
        emit AuthorizationCanceled(alice, NONCE);
        usdc.cancelAuthorization(alice, NONCE, signCancel(aliceKey, alice, NONCE));
        vm.assertTrue(usdc.authorizationState(alice, NONCE), "canceled counts as used");

        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationAlreadyUsed.selector, alice, NONCE));
        transfer(a, signature);
    }

    function test_givenVrsForm_whenCanceling_thenCanceled() public {
        (bytes32 r, bytes32 s, uint8 v) = splitSignature(signCancel(aliceKey, alice, NONCE));
        usdc.cancelAuthorization(alice, NONCE, v, r, s);
        vm.assertTrue(usdc.authorizationState(alice, NONCE), "canceled");
    }

    function test_givenUsedNonce_whenCanceling_thenAuthorizationAlreadyUsed() public {
        TestUSDC.Authorization memory a = auth(1);
        transfer(a, signTransfer(a));
        bytes memory cancel = signCancel(aliceKey, alice, NONCE);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationAlreadyUsed.selector, alice, NONCE));
        usdc.cancelAuthorization(alice, NONCE, cancel);
    }

    function test_givenOtherSigner_whenCanceling_thenInvalidAuthorizationSigner() public {
        bytes memory cancel = signCancel(bobKey, alice, NONCE);
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.InvalidAuthorizationSigner.selector, bob, alice));
        usdc.cancelAuthorization(alice, NONCE, cancel);
    }

    // ---- properties -----------------------------------------------------------------------------

    function testFuzz_givenAnyValueAndNonce_whenTransferred_thenExactlyThatMovesOnce(uint256 value, bytes32 nonce)
        public
    {
        value = bound(value, 0, 100e6);
        TestUSDC.Authorization memory a = auth(value);
        a.nonce = nonce;
        bytes memory signature = signTransfer(a);
        transfer(a, signature);
        vm.assertEq(usdc.balanceOf(bob), value, "moved exactly the value");
        vm.assertEq(usdc.balanceOf(alice), 100e6 - value, "from the authorizer");

        vm.expectRevert(abi.encodeWithSelector(TestUSDC.AuthorizationAlreadyUsed.selector, alice, nonce));
        transfer(a, signature);
    }

    function testFuzz_givenAnyTime_thenAuthorizationValidOnlyStrictlyInsideItsWindow(
        uint32 validAfter,
        uint32 validBefore,
        uint32 at
    ) public {
        TestUSDC.Authorization memory a = auth(1);
        a.validAfter = validAfter;
        a.validBefore = validBefore;
        bytes memory signature = signTransfer(a);
        vm.warp(at);
        bool inside = at > validAfter && at < validBefore;
        try usdc.transferWithAuthorization(a.from, a.to, a.value, a.validAfter, a.validBefore, a.nonce, signature) {
            vm.assertTrue(inside, "accepted only inside the window");
        } catch {
            vm.assertFalse(inside, "rejected only outside the window");
        }
    }
}
