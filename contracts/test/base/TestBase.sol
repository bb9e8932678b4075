// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Vm, vm} from "./Vm.sol";

/// @notice The little of forge-std's Test that these suites need.
abstract contract TestBase {
    /// @dev secp256k1 group order
    uint256 internal constant SECP256K1_N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    /// @dev A private key derived from a name, labelled for traces.
    function makeKey(string memory name) internal returns (uint256 key, address account) {
        key = boundKey(uint256(keccak256(bytes(name))));
        account = vm.addr(key);
        vm.label(account, name);
    }

    /// @dev Maps any fuzz input onto a valid private key (1 .. n-1).
    function boundKey(uint256 seed) internal pure returns (uint256) {
        return bound(seed, 1, SECP256K1_N - 1);
    }

    /// @dev Maps `x` into [min, max] (inclusive) while keeping small inputs recognisable.
    function bound(uint256 x, uint256 min, uint256 max) internal pure returns (uint256) {
        require(min <= max, "bound: min > max");
        if (x >= min && x <= max) return x;
        uint256 size = max - min;
        if (size == type(uint256).max) return x;
        return min + (x % (size + 1));
    }

    /// @dev r ‖ s ‖ v, the 65-byte form.
    function signDigest(uint256 key, bytes32 digest) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(key, digest);
        return abi.encodePacked(r, s, v);
    }

    /// @dev The same signature with s' = n - s and v flipped: still valid for ecrecover,
    /// rejected by EIP-2 / OpenZeppelin ECDSA.
    function malleate(bytes memory signature) internal pure returns (bytes memory) {
        (bytes32 r, bytes32 s, uint8 v) = splitSignature(signature);
        return abi.encodePacked(r, bytes32(SECP256K1_N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
    }

    function withV(bytes memory signature, uint8 v) internal pure returns (bytes memory) {
        (bytes32 r, bytes32 s,) = splitSignature(signature);
        return abi.encodePacked(r, s, v);
    }

    function splitSignature(bytes memory signature) internal pure returns (bytes32 r, bytes32 s, uint8 v) {
        require(signature.length == 65, "signature length");
        assembly ("memory-safe") {
            r := mload(add(signature, 0x20))
            s := mload(add(signature, 0x40))
            v := byte(0, mload(add(signature, 0x60)))
        }
    }
}

/// @notice forge's invariant runner reads these functions by name (as forge-std's StdInvariant
/// provides them) to decide which contracts and selectors to fuzz.
abstract contract InvariantBase is TestBase {
    struct FuzzSelector {
        address addr;
        bytes4[] selectors;
    }

    FuzzSelector[] private _targetSelectors;
    address[] private _targetContracts;

    function targetSelector(FuzzSelector memory selector) internal {
        _targetSelectors.push(selector);
        _targetContracts.push(selector.addr);
    }

    function targetContracts() public view returns (address[] memory) {
        return _targetContracts;
    }

    function targetSelectors() public view returns (FuzzSelector[] memory) {
        return _targetSelectors;
    }
}
