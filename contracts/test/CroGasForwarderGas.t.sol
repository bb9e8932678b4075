// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {CroGasForwarder} from "../src/CroGasForwarder.sol";
import {CroGasFixture} from "./base/CroGasFixture.sol";
import {vm} from "./base/Vm.sol";
import {GasSensitiveTarget} from "./mocks/GasSensitiveTarget.sol";

/// @notice What a relayer can do with the one thing it controls that the user did not sign: the
/// transaction's gas limit. See docs/contracts.md, "Gas griefing".
contract CroGasForwarderGasTest is CroGasFixture {
    GasSensitiveTarget internal sensitive;

    function setUp() public override {
        super.setUp();
        sensitive = new GasSensitiveTarget(address(forwarder));
    }

    function request(bytes memory data)
        internal
        view
        returns (MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee)
    {
        m = metaTx(alice, data);
        m.target = address(sensitive);
        signature = sign(aliceKey, m);
        fee = feeFor(aliceKey, m, FEE);
    }

    function executeWithGas(
        uint256 gas,
        MetaTx memory m,
        bytes memory signature,
        CroGasForwarder.FeeAuthorization memory fee
    ) internal {
        vm.prank(relayer);
        forwarder.execute{gas: gas}(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, fee);
    }

    /// @dev Sends the signed request with too little gas (InsufficientGasForCall, nothing taken),
    /// then the very same request with enough.
    function starveThenRetry(bytes memory data, uint256 tooLittle, uint256 enough) internal {
        (MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee) = request(data);

        vm.expectPartialRevert(CroGasForwarder.InsufficientGasForCall.selector);
        executeWithGas(tooLittle, m, signature, fee);
        assertNothingTaken();

        executeWithGas(enough, m, signature, fee);
    }

    function assertNothingTaken() internal view {
        vm.assertEq(forwarder.nonces(alice), 0, "nonce unused");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE, "no fee taken");
        vm.assertEq(usdc.balanceOf(feeRecipient), 0, "nothing received");
    }

    function test_givenStarvedCall_whenItRunsOutOfGas_thenInsufficientGasForCallAndNothingTaken() public {
        starveThenRetry(abi.encodeCall(GasSensitiveTarget.burn, (40)), 400_000, 2_000_000);
        vm.assertEq(sensitive.completed(), 40, "the same signed request runs once given enough gas");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE - FEE, "and only then pays");
    }

    function test_givenTargetRefusingLowGas_whenStarved_thenCallFailedAndNothingTaken() public {
        (MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee) =
            request(abi.encodeCall(GasSensitiveTarget.requireGas, (500_000)));
        bytes memory reason = abi.encodeWithSelector(GasSensitiveTarget.NotEnoughGas.selector, 500_000);

        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.CallFailed.selector, reason));
        executeWithGas(400_000, m, signature, fee);
        assertNothingTaken();

        executeWithGas(700_000, m, signature, fee);
        vm.assertEq(sensitive.completed(), 1, "runs given enough gas");
    }

    function test_givenCallFailingWithLittleGasUsed_thenReportedAsCallFailedNotAsGas() public {
        (MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee) =
            request(abi.encodeCall(GasSensitiveTarget.requireGas, (type(uint256).max)));
        bytes memory reason = abi.encodeWithSelector(GasSensitiveTarget.NotEnoughGas.selector, type(uint256).max);

        vm.expectRevert(abi.encodeWithSelector(CroGasForwarder.CallFailed.selector, reason));
        executeWithGas(5_000_000, m, signature, fee);
    }

    function test_givenTargetSwallowingOutOfGas_whenStarved_thenInsufficientGasForCallAndNothingTaken() public {
        starveThenRetry(abi.encodeCall(GasSensitiveTarget.bestEffort, (100)), 2_000_000, 4_000_000);
        vm.assertFalse(sensitive.degraded(), "with enough gas the sub-call completes");
        vm.assertEq(sensitive.completed(), 100, "all the work was done");
    }

    /// @dev Whatever gas limit the relayer picks, either the call runs as it would with ample gas and
    /// the fee is charged, or the transaction reverts and nothing is taken.
    function testFuzz_givenAnyGasLimit_thenNoDegradedSuccessIsCharged(uint256 gas) public {
        gas = bound(gas, 150_000, 4_000_000);
        (MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee) =
            request(abi.encodeCall(GasSensitiveTarget.bestEffort, (60)));

        vm.prank(relayer);
        try forwarder.execute{gas: gas}(m.user, m.target, m.data, m.gasLevel, m.nonce, m.deadline, signature, fee) {
            vm.assertFalse(sensitive.degraded(), "a charged call was not degraded");
            vm.assertEq(sensitive.completed(), 60, "a charged call did all its work");
            vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE - FEE, "charged once");
        } catch {
            assertNothingTaken();
        }
    }

    /// @dev The residual risk, documented: a target that branches on gasleft() without running out
    /// of gas cannot be told apart from one that does not. Relayers are allow-listed and size the gas
    /// limit from a simulation; targets should not make their outcome depend on gasleft().
    function test_residualRisk_givenTargetBranchingOnGasleft_whenStarved_thenDegradedSuccessIsCharged() public {
        (MetaTx memory m, bytes memory signature, CroGasForwarder.FeeAuthorization memory fee) =
            request(abi.encodeCall(GasSensitiveTarget.gasDependent, (1_000_000)));

        executeWithGas(400_000, m, signature, fee);

        vm.assertTrue(sensitive.degraded(), "the target chose its cheap branch");
        vm.assertEq(usdc.balanceOf(alice), INITIAL_BALANCE - FEE, "and the fee was charged");
    }
}
