// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {CroGasFixture} from "./base/CroGasFixture.sol";
import {vm} from "./base/Vm.sol";

/// @notice Construction, the read-only surface and the owner's controls.
contract CroGasForwarderAdminTest is CroGasFixture {
    event RelayerSet(address indexed relayer, bool allowed);
    event FeeRecipientSet(address indexed previousRecipient, address indexed newRecipient);
    event Paused(address account);
    event Unpaused(address account);

    // ---- construction ---------------------------------------------------------------------------

    function test_givenDeployment_thenConfigurationIsReadable() public view {
        vm.assertEq(forwarder.usdc(), address(usdc), "usdc");
        vm.assertEq(forwarder.feeRecipient(), feeRecipient, "feeRecipient");
        vm.assertEq(forwarder.owner(), owner, "owner");
        vm.assertTrue(forwarder.isRelayer(relayer), "relayer allowed");
        vm.assertFalse(forwarder.isRelayer(alice), "others not");
        vm.assertFalse(forwarder.paused(), "not paused");
        vm.assertEq(forwarder.nonces(alice), 0, "nonces start at zero");
        vm.assertEq(forwarder.CALL_GAS_RESERVE_DIVISOR(), 8, "a call must leave 1/8 of its gas");
    }

    function test_givenDeployment_thenRelayerAndRecipientEventsAreEmitted() public {
        address[] memory relayers = new address[](1);
        relayers[0] = relayer;
        vm.expectEmit(); // any emitter: the address is not known before deployment
        emit FeeRecipientSet(address(0), feeRecipient);
        vm.expectEmit();
        emit RelayerSet(relayer, true);
        new CroGasForwarder(address(usdc), feeRecipient, owner, relayers);
    }

    function test_givenZeroUsdc_whenDeploying_thenZeroAddress() public {
        vm.expectRevert(CroGasForwarder.ZeroAddress.selector);
        new CroGasForwarder(address(0), feeRecipient, owner, new address[](0));
    }

    function test_givenZeroFeeRecipient_whenDeploying_thenInvalidFeeRecipient() public {
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidFeeRecipient.selector, address(0)));
        new CroGasForwarder(address(usdc), address(0), owner, new address[](0));
    }

    function test_givenZeroOwner_whenDeploying_thenOwnableInvalidOwner() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableInvalidOwner.selector, address(0)));
        new CroGasForwarder(address(usdc), feeRecipient, address(0), new address[](0));
    }

    function test_givenZeroRelayer_whenDeploying_thenZeroAddress() public {
        vm.expectRevert(CroGasForwarder.ZeroAddress.selector);
        new CroGasForwarder(address(usdc), feeRecipient, owner, new address[](1));
    }

    // ---- EIP-712 --------------------------------------------------------------------------------

    function test_typehash_isTheSeedsMetaTransactionType() public view {
        vm.assertEq(forwarder.META_TRANSACTION_TYPEHASH(), META_TRANSACTION_TYPEHASH, "typehash");
    }

    function test_domainSeparator_isCroGasVersion1OnThisChainAndAddress() public view {
        vm.assertEq(
            forwarder.DOMAIN_SEPARATOR(), domainSeparator("CroGas", "1", address(forwarder)), "domain separator"
        );
    }

    function test_eip712Domain_reportsTheDomainFields() public view {
        (bytes1 fields, string memory name, string memory version, uint256 chainId, address verifyingContract,,) =
            forwarder.eip712Domain();
        vm.assertEq(uint256(uint8(fields)), 0x0f, "name, version, chainId, verifyingContract");
        vm.assertEq(name, "CroGas", "name");
        vm.assertEq(version, "1", "version");
        vm.assertEq(chainId, block.chainid, "chainId");
        vm.assertEq(verifyingContract, address(forwarder), "verifyingContract");
    }

    function test_hashMetaTransaction_matchesAnIndependentEip712Encoding() public view {
        MetaTx memory m = metaTx(alice, storeCall(42));
        bytes32 digest = forwarder.hashMetaTransaction(m.target, m.data, m.gasLevel, m.nonce, m.deadline);
        vm.assertEq(digest, metaTxDigest(address(forwarder), m), "digest");
    }

    function test_givenChainIdChange_thenDomainSeparatorFollows() public {
        bytes32 before = forwarder.DOMAIN_SEPARATOR();
        vm.chainId(25);
        vm.assertNotEq(forwarder.DOMAIN_SEPARATOR(), before, "chain id is part of the domain");
        vm.assertEq(forwarder.DOMAIN_SEPARATOR(), domainSeparator("CroGas", "1", address(forwarder)), "recomputed");
    }

    // ---- relayers -------------------------------------------------------------------------------

    function test_givenOwner_whenSettingRelayer_thenAllowedAndEventEmitted() public {
        vm.expectEmit(address(forwarder));
        emit RelayerSet(bob, true);
        vm.prank(owner);
        forwarder.setRelayer(bob, true);
        vm.assertTrue(forwarder.isRelayer(bob), "bob relays");
    }

    function test_givenRemovedRelayer_whenExecuting_thenUnauthorizedRelayer() public {
        vm.prank(owner);
        forwarder.setRelayer(relayer, false);
        MetaTx memory m = metaTx(alice, storeCall(1));
        bytes memory signature = sign(aliceKey, m);
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.UnauthorizedRelayer.selector, relayer));
        executeSponsored(m, signature);
    }

    function test_givenZeroAddress_whenSettingRelayer_thenZeroAddress() public {
        vm.expectRevert(CroGasForwarder.ZeroAddress.selector);
        vm.prank(owner);
        forwarder.setRelayer(address(0), true);
    }

    function test_givenStranger_whenSettingRelayer_thenOwnableUnauthorizedAccount() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, relayer));
        vm.prank(relayer);
        forwarder.setRelayer(bob, true);
    }

    // ---- fee recipient --------------------------------------------------------------------------

    function test_givenOwner_whenSettingFeeRecipient_thenChangedAndEventEmitted() public {
        vm.expectEmit(address(forwarder));
        emit FeeRecipientSet(feeRecipient, bob);
        vm.prank(owner);
        forwarder.setFeeRecipient(bob);
        vm.assertEq(forwarder.feeRecipient(), bob, "recipient");
    }

    function test_givenZeroOrSelf_whenSettingFeeRecipient_thenInvalidFeeRecipient() public {
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidFeeRecipient.selector, address(0)));
        vm.prank(owner);
        forwarder.setFeeRecipient(address(0));
        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.InvalidFeeRecipient.selector, address(forwarder)));
        vm.prank(owner);
        forwarder.setFeeRecipient(address(forwarder));
    }

    function test_givenStranger_whenSettingFeeRecipient_thenOwnableUnauthorizedAccount() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        forwarder.setFeeRecipient(alice);
    }

    // ---- pause ----------------------------------------------------------------------------------

    function test_givenOwner_whenPausingAndUnpausing_thenStateAndEventsFollow() public {
        vm.expectEmit(address(forwarder));
        emit Paused(owner);
        vm.prank(owner);
        forwarder.pause();
        vm.assertTrue(forwarder.paused(), "paused");

        vm.expectEmit(address(forwarder));
        emit Unpaused(owner);
        vm.prank(owner);
        forwarder.unpause();
        vm.assertFalse(forwarder.paused(), "unpaused");
    }

    function test_givenPaused_whenPausingAgain_thenEnforcedPause() public {
        vm.startPrank(owner);
        forwarder.pause();
        vm.expectRevert(Pausable.EnforcedPause.selector);
        forwarder.pause();
        vm.stopPrank();
    }

    function test_givenNotPaused_whenUnpausing_thenExpectedPause() public {
        vm.expectRevert(Pausable.ExpectedPause.selector);
        vm.prank(owner);
        forwarder.unpause();
    }

    function test_givenStranger_whenPausingOrUnpausing_thenOwnableUnauthorizedAccount() public {
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, relayer));
        vm.prank(relayer);
        forwarder.pause();
        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, relayer));
        vm.prank(relayer);
        forwarder.unpause();
    }

    // ---- ownership (two steps) ------------------------------------------------------------------

    function test_givenOwnershipTransfer_thenEffectiveOnlyOnceAccepted() public {
        vm.prank(owner);
        forwarder.transferOwnership(bob);
        vm.assertEq(forwarder.owner(), owner, "still the owner");
        vm.assertEq(forwarder.pendingOwner(), bob, "bob pending");

        vm.expectRevert(abi.encodeWithSelector(Ownable.OwnableUnauthorizedAccount.selector, alice));
        vm.prank(alice);
        forwarder.acceptOwnership();

        vm.prank(bob);
        forwarder.acceptOwnership();
        vm.assertEq(forwarder.owner(), bob, "bob owns");
    }
}
