// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {IERC3009} from "./interfaces/IERC3009.sol";

/// @title CroGasForwarder
/// @notice Executes a user's EIP-712 signed `MetaTransaction` on their behalf (ERC-2771: the user's
/// address is appended to the calldata) and, on the paid path, takes the user's USDC fee in the same
/// transaction through EIP-3009 `receiveWithAuthorization`, whose nonce is the meta-transaction's
/// EIP-712 digest. Only authorised relayers may submit. If the call fails, everything reverts: no
/// nonce is used and no fee is taken.
/// @dev See docs/contracts.md for the security model and the gas-griefing decision.
contract CroGasForwarder is EIP712, Ownable2Step, Pausable {
    using SafeERC20 for IERC20;

    /// @notice The user's EIP-3009 `ReceiveWithAuthorization` for the fee; `to` is this forwarder and
    /// the EIP-3009 nonce is the meta-transaction digest, so neither is passed.
    struct FeeAuthorization {
        uint256 value;
        uint256 validAfter;
        uint256 validBefore;
        bytes signature; // 65 bytes: r ‖ s ‖ v
    }

    /// @dev The seed's type, verbatim: its field `calldata` is a Solidity keyword, hence a string here.
    bytes32 public constant META_TRANSACTION_TYPEHASH =
        keccak256("MetaTransaction(address target,bytes calldata,string gasLevel,uint256 nonce,uint256 deadline)");

    /// @dev A call must leave more than 1/8 of the gas offered to it unused (see {_callTarget}).
    uint256 public constant CALL_GAS_RESERVE_DIVISOR = 8;

    address private immutable _usdc;
    address private _feeRecipient;
    mapping(address user => uint256) private _nonces;
    mapping(address relayer => bool) private _relayers;

    event MetaTransactionExecuted(
        address indexed user, address indexed target, uint256 nonce, bool success, bytes32 digest
    );
    event FeeCharged(address indexed user, uint256 amount, address indexed recipient, bytes32 digest);
    event RelayerSet(address indexed relayer, bool allowed);
    event FeeRecipientSet(address indexed previousRecipient, address indexed newRecipient);

    error UnauthorizedRelayer(address caller);
    error ForbiddenTarget(address target);
    error TargetNotContract(address target);
    error MetaTransactionExpired(uint256 deadline, uint256 timestamp);
    error InvalidSigner(address signer, address user);
    error InvalidNonce(address user, uint256 expected, uint256 provided);
    error FeeAuthorizationOutlivesDeadline(uint256 validBefore, uint256 deadline);
    error InvalidFeeSignatureLength(uint256 length);
    error CallFailed(bytes reason);
    error InsufficientGasForCall(uint256 gasOffered);
    error ZeroAddress();
    error InvalidFeeRecipient(address recipient);

    constructor(address usdc_, address feeRecipient_, address initialOwner, address[] memory relayers)
        EIP712("CroGas", "1")
        Ownable(initialOwner)
    {
        if (usdc_ == address(0)) revert ZeroAddress();
        _usdc = usdc_;
        _setFeeRecipient(feeRecipient_);
        for (uint256 i = 0; i < relayers.length; ++i) {
            _setRelayer(relayers[i], true);
        }
    }

    modifier onlyRelayer() {
        if (!_relayers[msg.sender]) revert UnauthorizedRelayer(msg.sender);
        _;
    }

    // ---- execution ------------------------------------------------------------------------------

    /// @notice The paid path: verify the meta-transaction, use its nonce, take the fee, then call.
    /// @return result the target's return data
    function execute(
        address user,
        address target,
        bytes calldata data,
        string calldata gasLevel,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature,
        FeeAuthorization calldata fee
    ) external onlyRelayer whenNotPaused returns (bytes memory result) {
        bytes32 digest = _useMetaTransaction(user, target, data, gasLevel, nonce, deadline, signature);
        if (fee.validBefore > deadline) revert FeeAuthorizationOutlivesDeadline(fee.validBefore, deadline);
        _chargeFee(user, fee, digest);
        result = _callTarget(user, target, data);
        emit MetaTransactionExecuted(user, target, nonce, true, digest);
    }

    /// @notice The sponsored path: as {execute} without a fee; the relayer's operator pays.
    function executeSponsored(
        address user,
        address target,
        bytes calldata data,
        string calldata gasLevel,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) external onlyRelayer whenNotPaused returns (bytes memory result) {
        bytes32 digest = _useMetaTransaction(user, target, data, gasLevel, nonce, deadline, signature);
        result = _callTarget(user, target, data);
        emit MetaTransactionExecuted(user, target, nonce, true, digest);
    }

    // ---- views ----------------------------------------------------------------------------------

    /// @notice The EIP-712 digest the user signs; also the EIP-3009 nonce of the fee authorization.
    function hashMetaTransaction(
        address target,
        bytes calldata data,
        string calldata gasLevel,
        uint256 nonce,
        uint256 deadline
    ) public view returns (bytes32 digest) {
        bytes32 structHash = keccak256(
            abi.encode(META_TRANSACTION_TYPEHASH, target, keccak256(data), keccak256(bytes(gasLevel)), nonce, deadline)
        );
        return _hashTypedDataV4(structHash);
    }

    /// @notice The next nonce `user` must sign.
    function nonces(address user) external view returns (uint256) {
        return _nonces[user];
    }

    // solhint-disable-next-line func-name-mixedcase
    function DOMAIN_SEPARATOR() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    function usdc() external view returns (address) {
        return _usdc;
    }

    function feeRecipient() external view returns (address) {
        return _feeRecipient;
    }

    function isRelayer(address account) external view returns (bool) {
        return _relayers[account];
    }

    // ---- administration -------------------------------------------------------------------------

    function setRelayer(address relayer, bool allowed) external onlyOwner {
        _setRelayer(relayer, allowed);
    }

    function setFeeRecipient(address recipient) external onlyOwner {
        _setFeeRecipient(recipient);
    }

    function pause() external onlyOwner {
        _pause();
    }

    function unpause() external onlyOwner {
        _unpause();
    }

    // ---- internals ------------------------------------------------------------------------------

    /// @dev Checks, in the order the HTTP API reports them (target, deadline, signature, nonce),
    /// then consumes the nonce. Returns the digest.
    function _useMetaTransaction(
        address user,
        address target,
        bytes calldata data,
        string calldata gasLevel,
        uint256 nonce,
        uint256 deadline,
        bytes calldata signature
    ) private returns (bytes32 digest) {
        _requireCallableTarget(target);
        if (block.timestamp > deadline) revert MetaTransactionExpired(deadline, block.timestamp);
        digest = hashMetaTransaction(target, data, gasLevel, nonce, deadline);
        address signer = ECDSA.recover(digest, signature);
        if (signer != user) revert InvalidSigner(signer, user);
        uint256 expected = _nonces[user];
        if (nonce != expected) revert InvalidNonce(user, expected, nonce);
        _nonces[user] = expected + 1;
    }

    /// @dev The forwarder must never be a target (it would call itself as a trusted sender), nor USDC:
    /// a call to USDC runs with the forwarder as `msg.sender` (FiatToken ignores ERC-2771), so it
    /// could redeem another user's fee authorization (`to` = forwarder) and move what it brought in.
    function _requireCallableTarget(address target) private view {
        if (target == address(this) || target == _usdc) revert ForbiddenTarget(target);
        if (target.code.length == 0) revert TargetNotContract(target);
    }

    function _chargeFee(address user, FeeAuthorization calldata fee, bytes32 digest) private {
        bytes calldata sig = fee.signature;
        if (sig.length != 65) revert InvalidFeeSignatureLength(sig.length);
        IERC3009(_usdc)
            .receiveWithAuthorization(
                user,
                address(this),
                fee.value,
                fee.validAfter,
                fee.validBefore,
                digest,
                uint8(sig[64]),
                bytes32(sig[0:32]),
                bytes32(sig[32:64])
            );
        address recipient = _feeRecipient;
        IERC20(_usdc).safeTransfer(recipient, fee.value);
        emit FeeCharged(user, fee.value, recipient, digest);
    }

    /// @dev Any failure reverts the whole transaction, so a failed call never costs the user a nonce
    /// or a fee. The signed type has no gas amount, so the relayer's gas limit is the one input the
    /// user did not sign: a call that ends with at most 1/{CALL_GAS_RESERVE_DIVISOR} of the gas it
    /// was offered still unused is treated as gas-starved and reverted with {InsufficientGasForCall},
    /// whether it failed or "succeeded" after swallowing an out-of-gas in a sub-call (EIP-150 leaves
    /// more than that unused whenever a frame up to 8 calls deep ran dry). See docs/contracts.md.
    function _callTarget(address user, address target, bytes calldata data) private returns (bytes memory result) {
        bytes memory payload = abi.encodePacked(data, user);
        uint256 gasOffered = gasleft();
        bool success;
        (success, result) = target.call(payload);
        if (gasleft() <= gasOffered / CALL_GAS_RESERVE_DIVISOR) revert InsufficientGasForCall(gasOffered);
        if (!success) revert CallFailed(result);
    }

    function _setRelayer(address relayer, bool allowed) private {
        if (relayer == address(0)) revert ZeroAddress();
        _relayers[relayer] = allowed;
        emit RelayerSet(relayer, allowed);
    }

    function _setFeeRecipient(address recipient) private {
        if (recipient == address(0) || recipient == address(this)) revert InvalidFeeRecipient(recipient);
        emit FeeRecipientSet(_feeRecipient, recipient);
        _feeRecipient = recipient;
    }
}
