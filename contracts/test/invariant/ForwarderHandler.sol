// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CroGasForwarder} from "../../src/CroGasForwarder.sol";
import {DemoTarget} from "../../src/DemoTarget.sol";
import {TestUSDC} from "../../src/TestUSDC.sol";
import {CroGasSigning} from "../base/CroGasFixture.sol";
import {vm} from "../base/Vm.sol";

/// @notice Plays an authorised relayer against the forwarder in random order: honest submissions,
/// and attacks (replays across nonce, deadline, chain and forwarder; tampered requests; failing
/// calls; malleated signatures), plus the passing of time. The ghost variables record what honest
/// execution produced and how many attacks of each kind got through, for the invariants to check.
contract ForwarderHandler is CroGasSigning {
    enum Attack {
        Replay,
        Expired,
        OtherChain,
        OtherForwarder,
        Tampered,
        FailingCall,
        Malleated
    }

    CroGasForwarder public immutable forwarder;
    /// @dev a second deployment with the same USDC and relayer, for cross-forwarder replays
    CroGasForwarder public immutable otherForwarder;
    TestUSDC public immutable usdc;
    DemoTarget public immutable target;
    address public immutable relayer;

    uint256[] internal userKeys;
    address[] public users;

    // ghost state: what honest execution should have produced
    mapping(address => uint256) public executed;
    mapping(address => uint256) public feesSigned;
    uint256 public totalFees;
    address public lastUser;
    mapping(Attack => uint256) public attempted;
    mapping(Attack => uint256) public accepted;

    // the last request that went through, for replay attempts
    MetaTx internal lastRequest;
    bytes internal lastSignature;
    CroGasForwarder.FeeAuthorization internal lastFee;
    bool internal hasLast;

    constructor(
        CroGasForwarder forwarder_,
        CroGasForwarder otherForwarder_,
        TestUSDC usdc_,
        DemoTarget target_,
        address relayer_,
        uint256[] memory keys
    ) {
        forwarder = forwarder_;
        otherForwarder = otherForwarder_;
        usdc = usdc_;
        target = target_;
        relayer = relayer_;
        userKeys = keys;
        for (uint256 i = 0; i < keys.length; ++i) {
            users.push(vm.addr(keys[i]));
        }
    }

    function userCount() external view returns (uint256) {
        return users.length;
    }

    // ---- honest relaying ------------------------------------------------------------------------

    function relayPaid(uint256 userSeed, uint256 value, uint256 fee) external {
        (uint256 key, address user) = pickUser(userSeed);
        fee = bound(fee, 0, usdc.balanceOf(user));
        MetaTx memory m = request(user, luckyValue(value));
        bytes memory signature = signMetaTx(key, address(forwarder), m);
        CroGasForwarder.FeeAuthorization memory auth = feeAuth(key, m, fee);

        vm.prank(relayer);
        forwarder.execute(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, auth);

        executed[user] += 1;
        feesSigned[user] += fee;
        totalFees += fee;
        remember(user, m, signature, auth);
    }

    function relaySponsored(uint256 userSeed, uint256 value) external {
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, luckyValue(value));
        bytes memory signature = signMetaTx(key, address(forwarder), m);

        vm.prank(relayer);
        forwarder.executeSponsored(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature);

        executed[user] += 1;
        remember(user, m, signature, CroGasForwarder.FeeAuthorization(0, 0, 0, ""));
    }

    // ---- attacks: each must revert --------------------------------------------------------------

    function replayLast() external {
        if (!hasLast) return;
        if (lastFee.signature.length == 65) {
            attempt(Attack.Replay, forwarder, lastRequest, lastSignature, lastFee);
        } else {
            attemptSponsored(Attack.Replay, lastRequest, lastSignature);
        }
    }

    function relayExpired(uint256 userSeed, uint256 lateBy) external {
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, 42);
        m.deadline = block.timestamp - 1 - bound(lateBy, 0, 1 days);
        attemptSponsored(Attack.Expired, m, signMetaTx(key, address(forwarder), m));
    }

    function relayOnOtherChain(uint256 userSeed, uint64 chain) external {
        if (chain == block.chainid) return;
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, 42);
        bytes memory signature = signMetaTx(key, address(forwarder), m);
        CroGasForwarder.FeeAuthorization memory auth = feeAuth(key, m, 0);
        uint256 home = block.chainid;
        vm.chainId(chain);
        attempt(Attack.OtherChain, forwarder, m, signature, auth);
        vm.chainId(home);
    }

    function relayOnOtherForwarder(uint256 userSeed) external {
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, 42);
        m.nonce = otherForwarder.nonces(user);
        attempt(Attack.OtherForwarder, otherForwarder, m, signMetaTx(key, address(forwarder), m), feeAuth(key, m, 0));
    }

    function relayTampered(uint256 userSeed, uint256 field, uint256 change) external {
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, 42);
        bytes memory signature = signMetaTx(key, address(forwarder), m);
        CroGasForwarder.FeeAuthorization memory auth = feeAuth(key, m, bound(change, 0, usdc.balanceOf(user)));
        change = bound(change, 1, type(uint64).max);
        field = field % 6;
        if (field == 0) m.data = storeCall(42 + change);
        else if (field == 1) m.gasLevel = "fast";
        else if (field == 2) m.target = address(usdc);
        else if (field == 3) m.user = users[(userSeed % users.length + 1) % users.length];
        else if (field == 4) auth.value += change;
        else auth.validAfter = block.timestamp - 1 - (change % 1000);
        attempt(Attack.Tampered, forwarder, m, signature, auth);
    }

    function relayFailingCall(uint256 userSeed, uint256 fee) external {
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, 13);
        bytes memory signature = signMetaTx(key, address(forwarder), m);
        attempt(Attack.FailingCall, forwarder, m, signature, feeAuth(key, m, bound(fee, 0, usdc.balanceOf(user))));
    }

    function relayMalleated(uint256 userSeed, uint8 v) external {
        (uint256 key, address user) = pickUser(userSeed);
        MetaTx memory m = request(user, 42);
        bytes memory signature = signMetaTx(key, address(forwarder), m);
        signature = (v == 27 || v == 28) ? malleate(signature) : withV(signature, v);
        attempt(Attack.Malleated, forwarder, m, signature, feeAuth(key, m, 0));
    }

    function passTime(uint256 secondsLater) external {
        vm.warp(block.timestamp + bound(secondsLater, 1, 1 hours));
    }

    // ---- helpers --------------------------------------------------------------------------------

    function attempt(
        Attack kind,
        CroGasForwarder via,
        MetaTx memory m,
        bytes memory signature,
        CroGasForwarder.FeeAuthorization memory auth
    ) internal {
        attempted[kind] += 1;
        vm.prank(relayer);
        try via.execute(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, auth) {
            accepted[kind] += 1;
        } catch {}
    }

    function attemptSponsored(Attack kind, MetaTx memory m, bytes memory signature) internal {
        attempted[kind] += 1;
        vm.prank(relayer);
        try forwarder.executeSponsored(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature) {
            accepted[kind] += 1;
        } catch {}
    }

    function pickUser(uint256 seed) internal view returns (uint256 key, address user) {
        uint256 i = seed % userKeys.length;
        return (userKeys[i], users[i]);
    }

    function luckyValue(uint256 value) internal pure returns (uint256) {
        return value == 13 ? 14 : value;
    }

    function request(address user, uint256 value) internal view returns (MetaTx memory) {
        return nextRequest(forwarder, user, address(target), storeCall(value));
    }

    function feeAuth(uint256 key, MetaTx memory m, uint256 value)
        internal
        view
        returns (CroGasForwarder.FeeAuthorization memory)
    {
        return signFeeFor(key, usdc, address(forwarder), m, value);
    }

    function remember(
        address user,
        MetaTx memory m,
        bytes memory signature,
        CroGasForwarder.FeeAuthorization memory auth
    ) internal {
        lastUser = user;
        lastRequest = m;
        lastSignature = signature;
        lastFee = auth;
        hasLast = true;
    }
}
