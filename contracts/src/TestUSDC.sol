// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";
import {IERC3009} from "./interfaces/IERC3009.sol";

/// @title TestUSDC
/// @notice A 6-decimal stand-in for USDC on local chains and testnet faucets: ERC-20, EIP-2612
/// `permit` and EIP-3009 transfers with authorization, behaving like Circle's FiatToken v2.2 for
/// everything CroGas uses. The EIP-712 name and version are chosen at deployment so a local chain
/// can mirror Cronos USDC.e ("Bridged USDC (Stargate)", version "1").
/// @dev `permit` is OpenZeppelin's ERC20Permit, restated because ERC20Permit fixes the EIP-712
/// version to "1". Signatures are EOA-only (OpenZeppelin ECDSA: high `s` and bad `v` rejected).
contract TestUSDC is ERC20, IERC20Permit, IERC3009, EIP712, Nonces, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    bytes32 public constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");
    bytes32 public constant TRANSFER_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "TransferWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );
    bytes32 public constant RECEIVE_WITH_AUTHORIZATION_TYPEHASH = keccak256(
        "ReceiveWithAuthorization(address from,address to,uint256 value,uint256 validAfter,uint256 validBefore,bytes32 nonce)"
    );
    bytes32 public constant CANCEL_AUTHORIZATION_TYPEHASH =
        keccak256("CancelAuthorization(address authorizer,bytes32 nonce)");

    /// @dev authorizer => EIP-3009 nonce => used or canceled
    mapping(address => mapping(bytes32 => bool)) private _authorizationStates;

    error ERC2612ExpiredSignature(uint256 deadline);
    error ERC2612InvalidSigner(address signer, address owner);
    error AuthorizationNotYetValid(uint256 validAfter);
    error AuthorizationExpired(uint256 validBefore);
    error AuthorizationAlreadyUsed(address authorizer, bytes32 nonce);
    error InvalidAuthorizationSigner(address signer, address authorizer);
    error CallerMustBePayee(address caller, address payee);

    /// @param admin receives DEFAULT_ADMIN_ROLE and MINTER_ROLE; it can grant minting to a faucet key.
    constructor(string memory name_, string memory symbol_, string memory version_, address admin)
        ERC20(name_, symbol_)
        EIP712(name_, version_)
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(MINTER_ROLE, admin);
    }

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    /// @notice The EIP-712 domain version, as FiatToken exposes it.
    function version() external view returns (string memory) {
        return _EIP712Version();
    }

    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function mint(address to, uint256 value) external onlyRole(MINTER_ROLE) {
        _mint(to, value);
    }

    // ---- EIP-2612 -------------------------------------------------------------------------------

    function permit(address owner, address spender, uint256 value, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
    {
        if (block.timestamp > deadline) revert ERC2612ExpiredSignature(deadline);
        bytes32 structHash = keccak256(abi.encode(PERMIT_TYPEHASH, owner, spender, value, _useNonce(owner), deadline));
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), v, r, s);
        if (signer != owner) revert ERC2612InvalidSigner(signer, owner);
        _approve(owner, spender, value);
    }

    function nonces(address owner) public view override(IERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }

    // ---- EIP-3009 -------------------------------------------------------------------------------

    function authorizationState(address authorizer, bytes32 nonce) external view returns (bool) {
        return _authorizationStates[authorizer][nonce];
    }

    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        Authorization memory auth = Authorization(from, to, value, validAfter, validBefore, nonce);
        _transferWithAuthorization(TRANSFER_WITH_AUTHORIZATION_TYPEHASH, auth, abi.encodePacked(r, s, v));
    }

    function transferWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes memory signature
    ) external {
        Authorization memory auth = Authorization(from, to, value, validAfter, validBefore, nonce);
        _transferWithAuthorization(TRANSFER_WITH_AUTHORIZATION_TYPEHASH, auth, signature);
    }

    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external {
        if (msg.sender != to) revert CallerMustBePayee(msg.sender, to);
        Authorization memory auth = Authorization(from, to, value, validAfter, validBefore, nonce);
        _transferWithAuthorization(RECEIVE_WITH_AUTHORIZATION_TYPEHASH, auth, abi.encodePacked(r, s, v));
    }

    function receiveWithAuthorization(
        address from,
        address to,
        uint256 value,
        uint256 validAfter,
        uint256 validBefore,
        bytes32 nonce,
        bytes memory signature
    ) external {
        if (msg.sender != to) revert CallerMustBePayee(msg.sender, to);
        Authorization memory auth = Authorization(from, to, value, validAfter, validBefore, nonce);
        _transferWithAuthorization(RECEIVE_WITH_AUTHORIZATION_TYPEHASH, auth, signature);
    }

    function cancelAuthorization(address authorizer, bytes32 nonce, uint8 v, bytes32 r, bytes32 s) external {
        _cancelAuthorization(authorizer, nonce, abi.encodePacked(r, s, v));
    }

    function cancelAuthorization(address authorizer, bytes32 nonce, bytes memory signature) external {
        _cancelAuthorization(authorizer, nonce, signature);
    }

    struct Authorization {
        address from;
        address to;
        uint256 value;
        uint256 validAfter;
        uint256 validBefore;
        bytes32 nonce;
    }

    /// @dev FiatToken's window is open at both ends: validAfter < now < validBefore.
    function _transferWithAuthorization(bytes32 typehash, Authorization memory auth, bytes memory signature) private {
        if (block.timestamp <= auth.validAfter) revert AuthorizationNotYetValid(auth.validAfter);
        if (block.timestamp >= auth.validBefore) revert AuthorizationExpired(auth.validBefore);
        _requireUnusedAuthorization(auth.from, auth.nonce);
        bytes32 structHash = keccak256(
            abi.encode(typehash, auth.from, auth.to, auth.value, auth.validAfter, auth.validBefore, auth.nonce)
        );
        _requireSignedBy(auth.from, structHash, signature);
        _markAuthorizationUsed(auth.from, auth.nonce);
        emit AuthorizationUsed(auth.from, auth.nonce);
        _transfer(auth.from, auth.to, auth.value);
    }

    function _cancelAuthorization(address authorizer, bytes32 nonce, bytes memory signature) private {
        _requireUnusedAuthorization(authorizer, nonce);
        _requireSignedBy(authorizer, keccak256(abi.encode(CANCEL_AUTHORIZATION_TYPEHASH, authorizer, nonce)), signature);
        _markAuthorizationUsed(authorizer, nonce);
        emit AuthorizationCanceled(authorizer, nonce);
    }

    function _requireUnusedAuthorization(address authorizer, bytes32 nonce) private view {
        if (_authorizationStates[authorizer][nonce]) revert AuthorizationAlreadyUsed(authorizer, nonce);
    }

    function _markAuthorizationUsed(address authorizer, bytes32 nonce) private {
        _authorizationStates[authorizer][nonce] = true;
    }

    function _requireSignedBy(address authorizer, bytes32 structHash, bytes memory signature) private view {
        address signer = ECDSA.recover(_hashTypedDataV4(structHash), signature);
        if (signer != authorizer) revert InvalidAuthorizationSigner(signer, authorizer);
    }
}
