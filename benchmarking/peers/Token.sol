// SPDX-License-Identifier: Apache-2.0
//
// Benchmark contract for the peer pallets (pallet-revive: EVM and PolkaVM).
// One contract holds every workload so that a single deployment serves the
// whole benchmark run:
//   - a minimal ERC20-style token (mint, transfer, balanceOf, Transfer event);
//   - noop, readKeys (10 slots), writeKeys (100 slots), hashRounds (CPU loop).
// The wasm contract in token_contracts.wat implements the same workloads for
// pallet-contracts.
pragma solidity ^0.8.0;

contract Token {
    address private minter;
    mapping(address => uint256) private balances;
    mapping(uint256 => uint256) private data;

    event Transfer(address indexed from, address indexed to, uint256 value);

    /// The deployer becomes the minter. Keys 0..9 of `data` are seeded with
    /// key + 1 so that `readKeys` reads ten existing slots on a fresh contract.
    constructor() {
        minter = msg.sender;
        for (uint256 i = 0; i < 10; ) {
            data[i] = i + 1;
            unchecked { ++i; }
        }
    }

    /// Credits `amount` to `to`. Only the minter may call it.
    function mint(address to, uint256 amount) external {
        require(msg.sender == minter, "not minter");
        balances[to] += amount;
    }

    /// Moves `amount` from the caller to `to`; reverts on insufficient balance.
    function transfer(address to, uint256 amount) external returns (bool) {
        uint256 fromBalance = balances[msg.sender];
        require(fromBalance >= amount, "insufficient balance");
        unchecked {
            balances[msg.sender] = fromBalance - amount;
        }
        balances[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function balanceOf(address who) external view returns (uint256) {
        return balances[who];
    }

    /// Does nothing: measures the fixed cost of a call.
    function noop() external pure {}

    /// Reads the 10 distinct slots data[0..9] and returns their sum
    /// (55 when only the constructor's seeding has happened).
    function readKeys() external view returns (uint256 sum) {
        for (uint256 i = 0; i < 10; ) {
            sum += data[i];
            unchecked { ++i; }
        }
    }

    /// Writes the 100 distinct slots data[0..99], each with key + 1.
    function writeKeys() external {
        for (uint256 i = 0; i < 100; ) {
            data[i] = i + 1;
            unchecked { ++i; }
        }
    }

    /// `rounds` iterations of h = keccak256(h), starting from h = 0, over the
    /// 32-byte scratch space (no memory growth, whatever the round count).
    /// Each round is one KECCAK256 opcode (EVM) or one keccak host call (PolkaVM).
    function hashRounds(uint256 rounds) external pure returns (bytes32 h) {
        assembly {
            for { let i := 0 } lt(i, rounds) { i := add(i, 1) } {
                mstore(0x00, h)
                h := keccak256(0x00, 0x20)
            }
        }
    }
}
