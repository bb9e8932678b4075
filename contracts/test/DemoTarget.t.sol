// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {DemoTarget} from "../src/DemoTarget.sol";
import {TestBase} from "./base/TestBase.sol";
import {vm} from "./base/Vm.sol";

/// @notice The demo target on its own, with an account standing in for the forwarder.
contract DemoTargetTest is TestBase {
    event ValueStored(address indexed sender, uint256 value);

    DemoTarget internal target;
    address internal forwarder;
    address internal user;

    function setUp() public {
        (, forwarder) = makeKey("forwarder");
        (, user) = makeKey("user");
        target = new DemoTarget(forwarder);
    }

    function test_trustsOnlyItsForwarder() public view {
        vm.assertEq(target.trustedForwarder(), forwarder, "trusted forwarder");
        vm.assertTrue(target.isTrustedForwarder(forwarder), "trusts it");
        vm.assertFalse(target.isTrustedForwarder(user), "no one else");
    }

    function test_givenDirectCall_thenCallerIsRecorded() public {
        vm.expectEmit(address(target));
        emit ValueStored(user, 5);
        vm.prank(user);
        target.store(5);
        vm.assertEq(target.lastSender(), user, "sender");
        vm.assertEq(target.lastValue(), 5, "value");
    }

    function test_givenForwardedCall_thenAppendedAddressIsTheSender() public {
        vm.prank(forwarder);
        (bool ok,) = address(target).call(abi.encodePacked(abi.encodeCall(DemoTarget.store, (9)), user));
        vm.assertTrue(ok, "call succeeded");
        vm.assertEq(target.lastSender(), user, "the appended address");
    }

    function test_givenAppendedAddressFromUntrustedCaller_thenItIsIgnored() public {
        address spoofed = address(0xBEEF);
        vm.prank(user);
        (bool ok,) = address(target).call(abi.encodePacked(abi.encodeCall(DemoTarget.store, (9)), spoofed));
        vm.assertTrue(ok, "call succeeded");
        vm.assertEq(target.lastSender(), user, "not spoofable without the forwarder");
    }

    function test_givenThirteen_thenUnluckyValue() public {
        vm.expectRevert(abi.encodeWithSelector(DemoTarget.UnluckyValue.selector, 13));
        target.store(13);
    }
}
