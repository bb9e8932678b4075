// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {TestUSDC} from "../src/TestUSDC.sol";
import {TestBase} from "./base/TestBase.sol";
import {vm} from "./base/Vm.sol";

/// @notice ERC-20 metadata, minting and EIP-2612 permit.
contract TestUSDCTest is TestBase {
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    TestUSDC internal usdc;
    address internal admin;
    uint256 internal aliceKey;
    address internal alice;
    address internal bob;

    function setUp() public {
        vm.warp(1_750_000_000);
        (, admin) = makeKey("admin");
        (aliceKey, alice) = makeKey("alice");
        (, bob) = makeKey("bob");
        usdc = new TestUSDC("Bridged USDC (Stargate)", "USDC.e", "1", admin);
    }

    function permitDigest(address owner, address spender, uint256 value, uint256 nonce, uint256 deadline)
        internal
        view
        returns (bytes32)
    {
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, nonce, deadline));
        return keccak256(abi.encodePacked("\x19\x01", usdc.DOMAIN_SEPARATOR(), structHash));
    }

    // ---- metadata -------------------------------------------------------------------------------

    function test_givenDeployment_thenMetadataMirrorsCronosUsdcE() public view {
        vm.assertEq(usdc.name(), "Bridged USDC (Stargate)", "name");
        vm.assertEq(usdc.symbol(), "USDC.e", "symbol");
        vm.assertEq(usdc.version(), "1", "version");
        vm.assertEq(uint256(usdc.decimals()), 6, "decimals");
    }

    function test_givenOtherVersion_thenDomainFollows() public {
        TestUSDC v2 = new TestUSDC("USD Coin", "USDC", "2", admin);
        vm.assertEq(v2.version(), "2", "version");
        bytes32 expected = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256("USD Coin"),
                keccak256("2"),
                block.chainid,
                address(v2)
            )
        );
        vm.assertEq(v2.DOMAIN_SEPARATOR(), expected, "domain separator");
    }

    // ---- minting --------------------------------------------------------------------------------

    function test_givenMinter_whenMinting_thenBalanceAndSupplyGrow() public {
        vm.prank(admin);
        usdc.mint(alice, 5e6);
        vm.assertEq(usdc.balanceOf(alice), 5e6, "balance");
        vm.assertEq(usdc.totalSupply(), 5e6, "supply");
    }

    function test_givenGrantedFaucetKey_whenMinting_thenAllowed() public {
        bytes32 minterRole = usdc.MINTER_ROLE();
        vm.prank(admin);
        usdc.grantRole(minterRole, bob);
        vm.prank(bob);
        usdc.mint(alice, 1);
        vm.assertEq(usdc.balanceOf(alice), 1, "minted by the faucet key");
    }

    function test_givenNonMinter_whenMinting_thenAccessControlUnauthorizedAccount() public {
        bytes32 minterRole = usdc.MINTER_ROLE();
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, minterRole)
        );
        vm.prank(alice);
        usdc.mint(alice, 1);
    }

    // ---- permit ---------------------------------------------------------------------------------

    function test_givenValidPermit_thenAllowanceSetAndNonceUsed() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, permitDigest(alice, bob, 7e6, 0, deadline));
        usdc.permit(alice, bob, 7e6, deadline, v, r, s);
        vm.assertEq(usdc.allowance(alice, bob), 7e6, "allowance");
        vm.assertEq(usdc.nonces(alice), 1, "nonce");
    }

    function test_givenReplayedPermit_thenERC2612InvalidSigner() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, permitDigest(alice, bob, 7e6, 0, deadline));
        usdc.permit(alice, bob, 7e6, deadline, v, r, s);
        vm.expectPartialRevert(TestUSDC.ERC2612InvalidSigner.selector);
        usdc.permit(alice, bob, 7e6, deadline, v, r, s);
    }

    function test_givenExpiredPermit_thenERC2612ExpiredSignature() public {
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, permitDigest(alice, bob, 7e6, 0, deadline));
        vm.expectRevert(abi.encodeWithSelector(TestUSDC.ERC2612ExpiredSignature.selector, deadline));
        usdc.permit(alice, bob, 7e6, deadline, v, r, s);
    }

    function test_givenHighSPermit_thenECDSAInvalidSignatureS() public {
        uint256 deadline = block.timestamp + 1 hours;
        bytes memory malleated = malleate(signDigest(aliceKey, permitDigest(alice, bob, 7e6, 0, deadline)));
        (bytes32 r, bytes32 s, uint8 v) = splitSignature(malleated);
        vm.expectRevert(abi.encodeWithSelector(ECDSA.ECDSAInvalidSignatureS.selector, s));
        usdc.permit(alice, bob, 7e6, deadline, v, r, s);
    }
}
