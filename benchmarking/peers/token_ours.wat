;; Benchmark contract for this project's pallet (pallet-wasm-contracts): the workloads of
;; Token.sol and token_contracts.wat, in this pallet's ABI (named entry points, `env` host
;; functions). The harness parses it with the `wat` crate when it runs; there is nothing to build.
;;
;; Entry points and their input (accounts are 32 bytes, amounts u128 little-endian):
;;   instantiate     -               the caller becomes the minter; data keys 0..9 are seeded
;;   mint            to ++ amount    minter only; balance[to] += amount
;;   transfer        to ++ amount    from the caller; emits `Transfer`
;;   balance_of      who             -> the balance (u128 LE, 16 bytes)
;;   noop            -               nothing
;;   read_keys       -               -> the sum of data keys 0..9 (u128 LE)
;;   write_keys      -               data key i = i + 1 for i in 0..99
;;   hash_rounds     rounds (u32 LE) -> h after `rounds` × h = blake2_256(h), h0 = 0 (32 bytes)
;; A malformed input, a non-minter `mint`, an insufficient balance or an overflow reverts.
;;
;; Storage keys: [0x00] the minter; [0x01] ++ account a balance (u128 LE); [0x02] ++ index
;; (u32 LE) a data slot (u128 LE). The `Transfer` event has the topic "Transfer" and the data
;; from ++ to ++ amount (80 bytes).
;;
;; Variable-length data of the host (input, stored values) is read into buffers of the memory map
;; with the `*_into` host functions, which write it only when it fits the buffer.
(module
  (import "env" "storage_read_into" (func $storage_read_into (param i32 i32 i32 i32) (result i32)))
  (import "env" "storage_write" (func $storage_write (param i32 i32 i32 i32) (result i32)))
  (import "env" "get_caller" (func $get_caller (param i32) (result i32)))
  (import "env" "get_input_into" (func $get_input_into (param i32 i32) (result i32)))
  (import "env" "set_return_data" (func $set_return_data (param i32 i32)))
  (import "env" "revert" (func $revert (param i32 i32)))
  (import "env" "log_event" (func $log_event (param i32 i32 i32 i32)))
  (import "env" "crypto_hash" (func $crypto_hash (param i32 i32 i32) (result i32)))

  (memory (export "memory") 1)

  ;; Memory map:
  ;;   0x000  revert messages and the event topic
  ;;   0x100  caller (32)
  ;;   0x140  balance key A: [0x01] ++ account (33)
  ;;   0x180  balance key B (33)
  ;;   0x1c0  value A (u128), 0x1d0 value B (u128)
  ;;   0x200  event data: from, to, amount (80)
  ;;   0x2a0  data key: [0x02] ++ index (5)
  ;;   0x2b0  data value (u128)
  ;;   0x300  hash state (32)
  ;;   0x340  return value (u128)
  ;;   0x400  minter key [0x00] (1)
  ;;   0x440  the stored minter (32)
  ;;   0x1000 the input
  (data (i32.const 0x000) "bad input")
  (data (i32.const 0x010) "not the minter")
  (data (i32.const 0x020) "insufficient balance")
  (data (i32.const 0x040) "overflow")
  (data (i32.const 0x050) "Transfer")
  (data (i32.const 0x2a0) "\02")

  ;; The input, which must be $len bytes long, read to 0x1000; returns 0x1000.
  (func $input (param $len i32) (result i32)
    (if (i32.ne (call $get_input_into (i32.const 0x1000) (local.get $len)) (local.get $len))
      (then (call $revert (i32.const 0x000) (i32.const 9))))
    (i32.const 0x1000))

  ;; Copies 32 bytes from $from to $to.
  (func $copy32 (param $to i32) (param $from i32)
    (local $i i32)
    (loop $next
      (i64.store (i32.add (local.get $to) (local.get $i)) (i64.load (i32.add (local.get $from) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 32)))))

  ;; 1 when the 32 bytes at $a and $b are equal.
  (func $equal32 (param $a i32) (param $b i32) (result i32)
    (local $i i32)
    (loop $next
      (if (i64.ne (i64.load (i32.add (local.get $a) (local.get $i))) (i64.load (i32.add (local.get $b) (local.get $i))))
        (then (return (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 8)))
      (br_if $next (i32.lt_u (local.get $i) (i32.const 32))))
    (i32.const 1))

  ;; Writes the balance key of the account at $account to $key.
  (func $balance_key (param $key i32) (param $account i32)
    (i32.store8 (local.get $key) (i32.const 1))
    (call $copy32 (i32.add (local.get $key) (i32.const 1)) (local.get $account)))

  ;; Reads the u128 under the key into $out; a missing key reads 0.
  (func $load_u128 (param $key i32) (param $key_len i32) (param $out i32)
    (local $len i32)
    (local.set $len (call $storage_read_into (local.get $key) (local.get $key_len) (local.get $out) (i32.const 16)))
    (if (i32.eq (local.get $len) (i32.const -1))
      (then
        (i64.store (local.get $out) (i64.const 0))
        (i64.store offset=8 (local.get $out) (i64.const 0))
        (return)))
    (if (i32.ne (local.get $len) (i32.const 16)) (then unreachable)))

  (func $store_u128 (param $key i32) (param $key_len i32) (param $value i32)
    (drop (call $storage_write (local.get $key) (local.get $key_len) (local.get $value) (i32.const 16))))

  ;; *$sum += *$add (u128); 1 when it overflows.
  (func $add_u128 (param $sum i32) (param $add i32) (result i32)
    (local $low i64) (local $high i64) (local $carried i64)
    (local.set $low (i64.add (i64.load (local.get $sum)) (i64.load (local.get $add))))
    (local.set $high (i64.add (i64.load offset=8 (local.get $sum)) (i64.load offset=8 (local.get $add))))
    (local.set $carried
      (i64.add (local.get $high) (i64.extend_i32_u (i64.lt_u (local.get $low) (i64.load (local.get $add))))))
    (i64.store (local.get $sum) (local.get $low))
    (i64.store offset=8 (local.get $sum) (local.get $carried))
    (i32.or
      (i64.lt_u (local.get $high) (i64.load offset=8 (local.get $add)))
      (i64.lt_u (local.get $carried) (local.get $high))))

  ;; *$from -= *$sub (u128); 1 (and nothing changed) when *$sub is larger.
  (func $sub_u128 (param $from i32) (param $sub i32) (result i32)
    (local $low i64) (local $high i64) (local $sub_low i64) (local $sub_high i64)
    (local.set $low (i64.load (local.get $from)))
    (local.set $high (i64.load offset=8 (local.get $from)))
    (local.set $sub_low (i64.load (local.get $sub)))
    (local.set $sub_high (i64.load offset=8 (local.get $sub)))
    (if (i32.or
          (i64.lt_u (local.get $high) (local.get $sub_high))
          (i32.and (i64.eq (local.get $high) (local.get $sub_high)) (i64.lt_u (local.get $low) (local.get $sub_low))))
      (then (return (i32.const 1))))
    (i64.store (local.get $from) (i64.sub (local.get $low) (local.get $sub_low)))
    (i64.store offset=8 (local.get $from)
      (i64.sub
        (i64.sub (local.get $high) (local.get $sub_high))
        (i64.extend_i32_u (i64.lt_u (local.get $low) (local.get $sub_low)))))
    (i32.const 0))

  ;; Writes data key i = i + 1 for i in 0..$count.
  (func $write_data (param $count i32)
    (local $i i32)
    (i64.store offset=8 (i32.const 0x2b0) (i64.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (i32.store offset=1 (i32.const 0x2a0) (local.get $i))
        (i64.store (i32.const 0x2b0) (i64.extend_i32_u (i32.add (local.get $i) (i32.const 1))))
        (call $store_u128 (i32.const 0x2a0) (i32.const 5) (i32.const 0x2b0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  (func (export "instantiate")
    (drop (call $get_caller (i32.const 0x100)))
    (drop (call $storage_write (i32.const 0x400) (i32.const 1) (i32.const 0x100) (i32.const 32)))
    (call $write_data (i32.const 10)))

  (func (export "mint")
    (local $input i32)
    (local.set $input (call $input (i32.const 48)))
    (drop (call $get_caller (i32.const 0x100)))
    (if (i32.ne (call $storage_read_into (i32.const 0x400) (i32.const 1) (i32.const 0x440) (i32.const 32)) (i32.const 32))
      (then (call $revert (i32.const 0x010) (i32.const 14))))
    (if (i32.eqz (call $equal32 (i32.const 0x440) (i32.const 0x100)))
      (then (call $revert (i32.const 0x010) (i32.const 14))))
    (call $balance_key (i32.const 0x140) (local.get $input))
    (call $load_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
    (if (call $add_u128 (i32.const 0x1c0) (i32.add (local.get $input) (i32.const 32)))
      (then (call $revert (i32.const 0x040) (i32.const 8))))
    (call $store_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0)))

  (func (export "transfer")
    (local $input i32)
    (local.set $input (call $input (i32.const 48)))
    (drop (call $get_caller (i32.const 0x100)))
    (call $balance_key (i32.const 0x140) (i32.const 0x100))
    (call $load_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
    (if (call $sub_u128 (i32.const 0x1c0) (i32.add (local.get $input) (i32.const 32)))
      (then (call $revert (i32.const 0x020) (i32.const 20))))
    (call $store_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
    (call $balance_key (i32.const 0x180) (local.get $input))
    (call $load_u128 (i32.const 0x180) (i32.const 33) (i32.const 0x1d0))
    (if (call $add_u128 (i32.const 0x1d0) (i32.add (local.get $input) (i32.const 32)))
      (then (call $revert (i32.const 0x040) (i32.const 8))))
    (call $store_u128 (i32.const 0x180) (i32.const 33) (i32.const 0x1d0))
    (call $copy32 (i32.const 0x200) (i32.const 0x100))
    (call $copy32 (i32.const 0x220) (local.get $input))
    (i64.store (i32.const 0x240) (i64.load offset=32 (local.get $input)))
    (i64.store (i32.const 0x248) (i64.load offset=40 (local.get $input)))
    (call $log_event (i32.const 0x050) (i32.const 8) (i32.const 0x200) (i32.const 80)))

  (func (export "balance_of")
    (call $balance_key (i32.const 0x140) (call $input (i32.const 32)))
    (call $load_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x340))
    (call $set_return_data (i32.const 0x340) (i32.const 16)))

  (func (export "noop"))

  (func (export "read_keys")
    (local $i i32)
    (i64.store (i32.const 0x340) (i64.const 0))
    (i64.store (i32.const 0x348) (i64.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (i32.const 10)))
        (i32.store offset=1 (i32.const 0x2a0) (local.get $i))
        (call $load_u128 (i32.const 0x2a0) (i32.const 5) (i32.const 0x2b0))
        (drop (call $add_u128 (i32.const 0x340) (i32.const 0x2b0)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $set_return_data (i32.const 0x340) (i32.const 16)))

  (func (export "write_keys")
    (call $write_data (i32.const 100)))

  (func (export "hash_rounds")
    (local $rounds i32)
    (local $i i32)
    (local.set $rounds (i32.load (call $input (i32.const 4))))
    (i64.store (i32.const 0x300) (i64.const 0))
    (i64.store (i32.const 0x308) (i64.const 0))
    (i64.store (i32.const 0x310) (i64.const 0))
    (i64.store (i32.const 0x318) (i64.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $rounds)))
        (drop (call $crypto_hash (i32.const 0x300) (i32.const 32) (i32.const 0x300)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (call $set_return_data (i32.const 0x300) (i32.const 32)))
)
