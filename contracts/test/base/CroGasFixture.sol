// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CroGasForwarder} from "../../src/CroGasForwarder.sol";
import {DemoTarget} from "../../src/DemoTarget.sol";
import {TestUSDC} from "../../src/TestUSDC.sol";
import {TestBase} from "./TestBase.sol";
import {vm} from "./Vm.sol";

/// @notice Builds and signs CroGas documents the way an off-chain client does: the EIP-712
/// digests here are computed independently of the contracts' own hashing, so the tests check the
/// contracts against the specification, not against themselves.
abstract contract CroGasSigning is TestBase {
    struct MetaTx {
        address user;
        address target;
        bytes data;
        string gasLevel;
        uint256 nonce;
        uint256 deadline;
    }

    bytes32 internal constant EIP712_DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant META_TRANSACTION_TYPEHASH =
        keccak256("MetaTransaction(address target,bytes calldata,string gasLevel,uint256 nonce,uint256 deadline)");
    bytes32 internal constant RECEIVE_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );

    function domainSeparator(string memory name, string memory version, address verifyingContract)
        internal
        view
        returns (bytes32)
    {
        return keccak256(
            abi.encode(
                EIP712_DOMAIN_TYPEHASH,
                keccak256(bytes(name)),
                keccak256(bytes(version)),
                block.chainid,
                verifyingContract
            )
        );
    }

    function typedDataDigest(bytes32 domain, bytes32 structHash) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function metaTxDigest(address forwarder, MetaTx memory m) internal view returns (bytes32) {
        bytes32 structHash = keccak256(
            abi.encode(
                META_TRANSACTION_TYPEHASH,
                m.target,
                keccak256(m.data),
                keccak256(bytes(m.gasLevel)),
                m.nonce,
                m.deadline
            )
        );
        return typedDataDigest(domainSeparator("CroGas", "1", forwarder), structHash);
    }

    function signMetaTx(uint256 key, address forwarder, MetaTx memory m) internal view returns (bytes memory) {
        return signDigest(key, metaTxDigest(forwarder, m));
    }

    /// @dev `user`'s next request to `forwarder`: tier "normal", due in an hour.
    function nextRequest(CroGasForwarder forwarder, address user, address target, bytes memory data)
        internal
        view
        returns (MetaTx memory)
    {
        return MetaTx(user, target, data, "normal", forwarder.nonces(user), block.timestamp + 1 hours);
    }

    function storeCall(uint256 value) internal pure returns (bytes memory) {
        return abi.encodeCall(DemoTarget.store, (value));
    }

    /// @dev The fee document for `m`, valid from the start until the request's deadline.
    function signFeeFor(uint256 key, TestUSDC token, address forwarder, MetaTx memory m, uint256 value)
        internal
        view
        returns (CroGasForwarder.FeeAuthorization memory)
    {
        return signFee(key, token, forwarder, metaTxDigest(forwarder, m), value, 0, m.deadline);
    }

    /// @dev The fee document: ReceiveWithAuthorization to the forwarder, nonce = the meta-tx digest.
    function signFee(
        uint256 key,
        TestUSDC token,
        address forwarder,
        bytes32 digest,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore
    ) internal view returns (CroGasForwarder.FeeAuthorization memory) {
        bytes32 structHash = keccak256(
            abi.encode(
                RECEIVE_WITH_AUTHORIZATION_TYPEHASH, vm.addr(key), forwarder, value, validAfter, validBefore, digest
            )
        );
        bytes32 usdcDigest = typedDataDigest(domainSeparator(token.name(), token.version(), address(token)), structHash);
        return CroGasForwarder.FeeAuthorization(value, validAfter, validBefore, signDigest(key, usdcDigest));
    }
}

/// @notice A deployed CroGas stack (USDC as on Cronos, forwarder, demo target) with funded users.
abstract contract CroGasFixture is CroGasSigning {
    string internal constant USDC_NAME = "Bridged USDC (Stargate)";
    string internal constant USDC_SYMBOL = "USDC.e";
    string internal constant USDC_VERSION = "1";
    uint256 internal constant START_TIME = 1_750_000_000;
    uint256 internal constant INITIAL_BALANCE = 1_000e6;
    uint256 internal constant FEE = 12_345; // 0.012345 USDC

    TestUSDC internal usdc;
    CroGasForwarder internal forwarder;
    DemoTarget internal target;

    address internal owner;
    address internal relayer;
    address internal feeRecipient;
    uint256 internal aliceKey;
    address internal alice;
    uint256 internal bobKey;
    address internal bob;

    function setUp() public virtual {
        vm.warp(START_TIME);
        (, owner) = makeKey("owner");
        (, relayer) = makeKey("relayer");
        (, feeRecipient) = makeKey("feeRecipient");
        (aliceKey, alice) = makeKey("alice");
        (bobKey, bob) = makeKey("bob");

        usdc = new TestUSDC(USDC_NAME, USDC_SYMBOL, USDC_VERSION, owner);
        forwarder = deployForwarder();
        target = new DemoTarget(address(forwarder));
        vm.startPrank(owner);
        usdc.mint(alice, INITIAL_BALANCE);
        usdc.mint(bob, INITIAL_BALANCE);
        vm.stopPrank();
    }

    function deployForwarder() internal returns (CroGasForwarder) {
        address[] memory relayers = new address[](1);
        relayers[0] = relayer;
        return new CroGasForwarder(address(usdc), feeRecipient, owner, relayers);
    }

    /// @dev A request for `user`'s next nonce, due in an hour, calling the demo target.
    function metaTx(address user, bytes memory data) internal view returns (MetaTx memory) {
        return nextRequest(forwarder, user, address(target), data);
    }

    function sign(uint256 key, MetaTx memory m) internal view returns (bytes memory) {
        return signMetaTx(key, address(forwarder), m);
    }

    /// @dev The fee document for `m` on the default forwarder, valid until the request's deadline.
    function feeFor(uint256 key, MetaTx memory m, uint256 value)
        internal
        view
        returns (CroGasForwarder.FeeAuthorization memory)
    {
        return signFeeFor(key, usdc, address(forwarder), m, value);
    }

    function execute(MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee)
        internal
        returns (bytes memory)
    {
        vm.prank(relayer);
        return forwarder.execute(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, fee);
    }

    function executeSponsored(MetaTx memory m, bytes memory signature) internal returns (bytes memory) {
        vm.prank(relayer);
        return forwarder.executeSponsored(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature);
    }
}
