// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {DemoTarget} from "../src/DemoTarget.sol";
import {CroGasFixture} from "./base/CroGasFixture.sol";
import {vm} from "./base/Vm.sol";

/// @notice Property tests for the invariants of PRODUCT.md §3, one property per test.
contract CroGasForwarderFuzzTest is CroGasFixture {
    /// @dev A signed, paid request from a fuzzed user with a fuzzed fee.
    struct Signed {
        MetaTx m;
        bytes signature;
        CroGasForwarder.FeeAuthorization fee;
    }

    function signedRequest(uint256 keySeed, uint256 value, uint256 feeValue)
        internal
        view
        returns (uint256 key, Signed memory s)
    {
        key = boundKey(keySeed);
        address user = vm.addr(key);
        vm.assume(user.code.length == 0 && user != feeRecipient && user != alice && user != bob);
        s.m = metaTx(user, storeCall(value));
        s.signature = sign(key, s.m);
        s.fee = feeFor(key, s.m, feeValue);
    }

    function fund(address user, uint256 amount) internal {
        vm.prank(owner);
        usdc.mint(user, amount);
    }

    function run(Signed memory s) internal returns (bytes memory) {
        return execute(s.m, s.signature, s.fee);
    }

    // ---- no replay ------------------------------------------------------------------------------

    function testFuzz_givenExecutedRequest_whenReplayedOrSkippingAhead_thenInvalidNonce(
        uint256 keySeed,
        uint256 value,
        uint8 skip
    ) public {
        value = bound(value, 14, type(uint256).max);
        (uint256 key, Signed memory s) = signedRequest(keySeed, value, FEE);
        fund(s.m.user, FEE);
        run(s);

        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidNonce.selector, s.m.user, 1, 0));
        run(s);

        s.m.nonce = 2 + uint256(skip);
        bytes memory ahead = sign(key, s.m);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidNonce.selector, s.m.user, 1, s.m.nonce));
        execute(s.m, ahead, s.fee);
    }

    function testFuzz_givenDeadlinePassed_whenExecuting_thenMetaTransactionExpired(
        uint256 keySeed,
        uint32 lifetime,
        uint32 lateBy
    ) public {
        (uint256 key, Signed memory s) = signedRequest(keySeed, 1, 0);
        s.m.deadline = block.timestamp + lifetime;
        s.signature = sign(key, s.m);
        uint256 late = s.m.deadline + 1 + uint256(lateBy);
        vm.warp(late);

        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.MetaTransactionExpired.selector, s.m.deadline, late));
        executeSponsored(s.m, s.signature);
    }

    function testFuzz_givenSignatureForAnotherChain_whenExecuting_thenInvalidSigner(uint256 keySeed, uint64 chain)
        public
    {
        vm.assume(chain != block.chainid);
        (, Signed memory s) = signedRequest(keySeed, 1, 0);
        bytes32 signedDigest = metaTxDigest(address(forwarder), s.m);
        vm.chainId(chain);
        bytes32 digestHere = forwarder.hashMetaTransaction(s.m.target, s.m.data, s.m.gasLevel, s.m.nonce, s.m.deadline);
        vm.assertNotEq(digestHere, signedDigest, "the digest depends on the chain id");
        address recovered = ECDSA.recover(digestHere, s.signature);

        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidSigner.selector, recovered, s.m.user));
        executeSponsored(s.m, s.signature);
    }

    function testFuzz_givenSignatureForAnotherForwarder_whenExecuting_thenInvalidSigner(uint256 keySeed, uint256 value)
        public
    {
        value = bound(value, 14, type(uint256).max);
        (, Signed memory s) = signedRequest(keySeed, value, 0);
        CroGasForwarder other = deployForwarder();
        executeSponsored(s.m, s.signature); // used on the forwarder it was signed for

        vm.expectPartialRevert(CroGasForwarder.InvalidSigner.selector);
        vm.prank(relayer);
        other.executeSponsored(s.m.user, s.m.target, s.m.data, s.m.gasLevel, s.m.nonce, s.m.deadline, s.signature);
        vm.assertEq(other.nonces(s.m.user), 0, "other forwarder untouched");
    }

    // ---- the relayer cannot change what was signed ---------------------------------------------

    function testFuzz_givenRelayerAltersOneField_whenExecuting_thenRevertsAndNothingMoves(
        uint256 keySeed,
        uint8 field,
        uint256 change
    ) public {
        (, Signed memory s) = signedRequest(keySeed, 42, FEE);
        fund(s.m.user, 10 * FEE);
        change = bound(change, 1, type(uint128).max);
        Signed memory altered = tamper(s, field % 8, change);

        vm.prank(relayer);
        try forwarder.execute(
            altered.m.user,
            altered.m.target,
            altered.m.data,
            altered.m.gasLevel,
            altered.m.nonce,
            altered.m.deadline,
            altered.signature,
            altered.fee
        ) {
            revert("an altered request executed");
        } catch {}
        vm.assertEq(usdc.balanceOf(s.m.user), 10 * FEE, "no fee moved");
        vm.assertEq(forwarder.nonces(s.m.user), 0, "no nonce used");

        run(s); // the untouched request still works
        vm.assertEq(usdc.balanceOf(s.m.user), 9 * FEE, "exactly the signed fee");
    }

    /// @dev Changes one of: target, calldata, gas tier, deadline, user, fee value, validAfter, validBefore.
    function tamper(Signed memory s, uint256 field, uint256 change) internal returns (Signed memory t) {
        t = Signed(
            MetaTx(s.m.user, s.m.target, s.m.data, s.m.gasLevel, s.m.nonce, s.m.deadline),
            s.signature,
            CroGasForwarder.FeeAuthorization(s.fee.value, s.fee.validAfter, s.fee.validBefore, s.fee.signature)
        );
        if (field == 0) t.m.target = address(new DemoTarget(address(forwarder)));
        else if (field == 1) t.m.data = storeCall(42 + change);
        else if (field == 2) t.m.gasLevel = change % 2 == 0 ? "fast" : "slow";
        else if (field == 3) t.m.deadline = s.m.deadline - (change % 3600) - 1;
        else if (field == 4) t.m.user = bob;
        else if (field == 5) t.fee.value = s.fee.value + change;
        else if (field == 6) t.fee.validAfter = 1 + change % (block.timestamp - 1);
        else t.fee.validBefore = s.fee.validBefore - (change % 3000) - 1;
    }

    // ---- fees -----------------------------------------------------------------------------------

    function testFuzz_givenAnySignedFee_whenExecuted_thenUserPaysExactlyThat(
        uint256 keySeed,
        uint256 feeValue,
        uint256 balance
    ) public {
        balance = bound(balance, 0, 1e15);
        feeValue = bound(feeValue, 0, balance);
        (, Signed memory s) = signedRequest(keySeed, 7, feeValue);
        fund(s.m.user, balance);

        run(s);

        vm.assertEq(usdc.balanceOf(s.m.user), balance - feeValue, "paid exactly the signed value");
        vm.assertEq(usdc.balanceOf(feeRecipient), feeValue, "recipient received it");
        vm.assertEq(usdc.balanceOf(address(forwarder)), 0, "forwarder holds nothing");
    }

    function testFuzz_givenFailingCall_whenExecuting_thenNoFeeAndNoNonce(uint256 keySeed, uint256 feeValue) public {
        feeValue = bound(feeValue, 0, 1e12);
        (, Signed memory s) = signedRequest(keySeed, 13, feeValue);
        fund(s.m.user, feeValue);

        vm.expectPartialRevert(CroGasForwarder.CallFailed.selector);
        run(s);

        vm.assertEq(usdc.balanceOf(s.m.user), feeValue, "fee not taken");
        vm.assertEq(forwarder.nonces(s.m.user), 0, "nonce not used");
        vm.assertFalse(
            usdc.authorizationState(s.m.user, metaTxDigest(address(forwarder), s.m)), "fee authorization unused"
        );
    }

    // ---- signatures -----------------------------------------------------------------------------

    function testFuzz_givenHighS_whenExecuting_thenECDSAInvalidSignatureS(uint256 keySeed, uint256 value) public {
        (, Signed memory s) = signedRequest(keySeed, value, 0);
        bytes memory malleated = malleate(s.signature);
        (bytes32 r, bytes32 highS, uint8 v) = splitSignature(malleated);
        vm.assertEq(
            ecrecover(metaTxDigest(address(forwarder), s.m), v, r, highS), s.m.user, "the precompile accepts it"
        );
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, highS));
        executeSponsored(s.m, malleated);
    }

    function testFuzz_givenHighSFeeSignature_whenExecuting_thenECDSAInvalidSignatureS(uint256 keySeed) public {
        (, Signed memory s) = signedRequest(keySeed, 1, FEE);
        fund(s.m.user, FEE);
        s.fee.signature = malleate(s.fee.signature);
        (, bytes32 highS,) = splitSignature(s.fee.signature);
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, highS));
        run(s);
    }

    function testFuzz_givenWrongV_whenExecuting_thenECDSAInvalidSignature(uint256 keySeed, uint8 v) public {
        vm.assume(v != 27 && v != 28);
        (, Signed memory s) = signedRequest(keySeed, 1, 0);
        bytes memory wrongV = withV(s.signature, v);
        vm.expectRevert(ECDSA.ECDSAInvalidSignature.selector);
        executeSponsored(s.m, wrongV);
    }

    // ---- ERC-2771 -------------------------------------------------------------------------------

    function testFuzz_givenAnyUser_whenExecuted_thenTargetSeesThatUser(uint256 keySeed, uint256 value) public {
        value = bound(value, 14, type(uint256).max);
        (, Signed memory s) = signedRequest(keySeed, value, 0);
        executeSponsored(s.m, s.signature);
        vm.assertEq(target.lastSender(), s.m.user, "_msgSender() is the signer");
        vm.assertEq(target.lastValue(), value, "value");
    }
}
