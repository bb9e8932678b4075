// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {DemoTarget} from "../src/DemoTarget.sol";
import {TestUSDC} from "../src/TestUSDC.sol";
import {CroGasSigning} from "../test/base/CroGasFixture.sol";
import {vm} from "../test/base/Vm.sol";

/// @notice Deploys the stack on a local anvil and sends the transactions whose receipts give the
/// figures of docs/gas.md. Run by scripts/measure-gas.sh; never against a real network (the keys are
/// anvil's well-known dev keys).
contract MeasureGas is CroGasSigning {
    uint256 internal constant DEPLOYER = 0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80;
    uint256 internal constant RELAYER = 0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d;
    uint256 internal constant ALICE = 0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a;
    uint256 internal constant BOB = 0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6;
    uint256 internal constant FEE = 12_345;

    CroGasForwarder internal forwarder;
    TestUSDC internal usdc;
    DemoTarget internal target;

    function run() external {
        address deployer = vm.addr(DEPLOYER);
        address[] memory relayers = new address[](1);
        relayers[0] = vm.addr(RELAYER);

        vm.startBroadcast(DEPLOYER);
        usdc = new TestUSDC("Bridged USDC (Stargate)", "USDC.e", "1", deployer);
        forwarder = new CroGasForwarder(address(usdc), deployer, deployer, relayers);
        target = new DemoTarget(address(forwarder));
        usdc.mint(vm.addr(ALICE), 1_000e6);
        usdc.mint(vm.addr(BOB), 1_000e6);
        vm.stopBroadcast();

        paid(BOB, 1); // 1: the fee recipient's first fee
        paid(ALICE, 42); // 2: a user's first paid request
        paid(ALICE, 43); // 3: the same user's next paid request
        sponsored(ALICE, 44); // 4: a sponsored request
    }

    function request(uint256 key, uint256 value) internal view returns (MetaTx memory m, bytes memory signature) {
        m = nextRequest(forwarder, vm.addr(key), address(target), storeCall(value));
        signature = signMetaTx(key, address(forwarder), m);
    }

    function paid(uint256 key, uint256 value) internal {
        (MetaTx memory m, bytes memory signature) = request(key, value);
        CroGasForwarder.FeeAuthorization memory fee = signFeeFor(key, usdc, address(forwarder), m, FEE);
        vm.broadcast(RELAYER);
        forwarder.execute(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, fee);
    }

    function sponsored(uint256 key, uint256 value) internal {
        (MetaTx memory m, bytes memory signature) = request(key, value);
        vm.broadcast(RELAYER);
        forwarder.executeSponsored(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature);
    }
}
