;; Benchmark contract for pallet-contracts 51.0.0 (wasm, seal host functions).
;; The same workloads as Token.sol, for the peer-pallet benchmarks.
;;
;; Entry points: `deploy` (instantiate) and `call`. Input of `call`:
;;   byte 0          selector
;;   0 mint          to: [u8; 32] at 1..33, amount: u128 LE at 33..49   (minter only)
;;   1 transfer      to: [u8; 32] at 1..33, amount: u128 LE at 33..49   (from the caller)
;;   2 balance_of    who: [u8; 32] at 1..33        -> returns the balance, u128 LE (16 bytes)
;;   3 noop
;;   4 read_keys     reads data keys 0..9          -> returns their sum, u128 LE (16 bytes)
;;   5 write_keys    writes data keys 0..99 (value = index + 1, u128 LE)
;;   6 hash_rounds   rounds: u32 LE at 1..5        -> returns the final 32-byte hash
;; A short input or an unknown selector reverts (seal_return with flag REVERT, no data).
;; mint/transfer revert on a non-minter caller, an insufficient balance or a u128 overflow.
;;
;; Storage keys (variable length, seal1.get_storage / seal2.set_storage):
;;   [0x00]                     minter account (32 bytes), written by deploy
;;   [0x01] ++ account (32)     balance, u128 LE (16 bytes); absent = 0
;;   [0x02] ++ index (u32 LE)   data slot, u128 LE (16 bytes); deploy seeds 0..9 with index + 1
;;
;; Transfer event (seal0.deposit_event): topics = SCALE Vec of 3 32-byte topics
;;   ["Transfer" zero-padded to 32 bytes, from, to], data = amount (u128 LE).
;;
;; Only MVP and sign-extension operators; no floats; memory imported, at most 16 pages.
(module
  (import "seal0" "input" (func $input (param i32 i32)))
  (import "seal0" "seal_return" (func $seal_return (param i32 i32 i32)))
  (import "seal0" "caller" (func $caller (param i32 i32)))
  (import "seal0" "deposit_event" (func $deposit_event (param i32 i32 i32 i32)))
  (import "seal0" "hash_blake2_256" (func $hash_blake2_256 (param i32 i32 i32)))
  (import "seal1" "get_storage" (func $get_storage (param i32 i32 i32 i32) (result i32)))
  (import "seal2" "set_storage" (func $set_storage (param i32 i32 i32 i32) (result i32)))
  (import "env" "memory" (memory 1 16))

  ;; Memory map (page 0):
  ;;   0x000  input buffer (256 bytes)
  ;;   0x100  input length (u32, in/out)
  ;;   0x110  output-length scratch (u32, in/out) for caller/get_storage
  ;;   0x120  caller account (32)
  ;;   0x140  key A: [0x01] ++ account (33)
  ;;   0x180  key B: [0x01] ++ account (33)
  ;;   0x1c0  value A (u128)
  ;;   0x1d0  value B (u128)
  ;;   0x200  event topics: 0x0c (compact 3), "Transfer" topic, from, to (97 bytes)
  ;;   0x280  event data: amount (u128)
  ;;   0x2a0  data key: [0x02] ++ index u32 LE (5)
  ;;   0x2b0  data value (u128)
  ;;   0x300  hash state (32)
  ;;   0x340  return buffer (16)
  ;;   0x400  minter key [0x00] (1)
  ;;   0x420  stored minter (32)
  (data (i32.const 0x200) "\0cTransfer")
  (data (i32.const 0x2a0) "\02")

  ;; ---- helpers ------------------------------------------------------------

  (func $revert
    (call $seal_return (i32.const 1) (i32.const 0) (i32.const 0))
    unreachable)

  ;; Reads the call input into 0x000; returns its length.
  (func $read_input (result i32)
    (i32.store (i32.const 0x100) (i32.const 256))
    (call $input (i32.const 0) (i32.const 0x100))
    (i32.load (i32.const 0x100)))

  ;; Writes the caller's 32-byte account id to 0x120.
  (func $load_caller
    (i32.store (i32.const 0x110) (i32.const 32))
    (call $caller (i32.const 0x120) (i32.const 0x110))
    (if (i32.ne (i32.load (i32.const 0x110)) (i32.const 32)) (then unreachable)))

  (func $copy32 (param $dst i32) (param $src i32)
    (i64.store (local.get $dst) (i64.load (local.get $src)))
    (i64.store offset=8 (local.get $dst) (i64.load offset=8 (local.get $src)))
    (i64.store offset=16 (local.get $dst) (i64.load offset=16 (local.get $src)))
    (i64.store offset=24 (local.get $dst) (i64.load offset=24 (local.get $src))))

  (func $eq32 (param $a i32) (param $b i32) (result i32)
    (i32.and
      (i32.and
        (i64.eq (i64.load (local.get $a)) (i64.load (local.get $b)))
        (i64.eq (i64.load offset=8 (local.get $a)) (i64.load offset=8 (local.get $b))))
      (i32.and
        (i64.eq (i64.load offset=16 (local.get $a)) (i64.load offset=16 (local.get $b)))
        (i64.eq (i64.load offset=24 (local.get $a)) (i64.load offset=24 (local.get $b))))))

  ;; Builds the 33-byte balance key [0x01] ++ account at $dst.
  (func $balance_key (param $dst i32) (param $account i32)
    (i32.store8 (local.get $dst) (i32.const 1))
    (call $copy32 (i32.add (local.get $dst) (i32.const 1)) (local.get $account)))

  ;; Reads a u128 value into $out; an absent key reads as 0.
  (func $get_u128 (param $key i32) (param $key_len i32) (param $out i32)
    (i32.store (i32.const 0x110) (i32.const 16))
    (if (call $get_storage (local.get $key) (local.get $key_len) (local.get $out) (i32.const 0x110))
      (then
        (i64.store (local.get $out) (i64.const 0))
        (i64.store offset=8 (local.get $out) (i64.const 0)))))

  (func $set_u128 (param $key i32) (param $key_len i32) (param $value i32)
    (drop (call $set_storage (local.get $key) (local.get $key_len) (local.get $value) (i32.const 16))))

  ;; *$dst += *$src (u128 LE); returns 1 on overflow.
  (func $add_u128 (param $dst i32) (param $src i32) (result i32)
    (local $a_lo i64) (local $a_hi i64) (local $lo i64) (local $hi1 i64) (local $hi i64)
    (local.set $a_lo (i64.load (local.get $dst)))
    (local.set $a_hi (i64.load offset=8 (local.get $dst)))
    (local.set $lo (i64.add (local.get $a_lo) (i64.load (local.get $src))))
    (local.set $hi1 (i64.add (local.get $a_hi) (i64.load offset=8 (local.get $src))))
    (local.set $hi (i64.add (local.get $hi1) (i64.extend_i32_u (i64.lt_u (local.get $lo) (local.get $a_lo)))))
    (i64.store (local.get $dst) (local.get $lo))
    (i64.store offset=8 (local.get $dst) (local.get $hi))
    (i32.or
      (i64.lt_u (local.get $hi1) (local.get $a_hi))
      (i64.lt_u (local.get $hi) (local.get $hi1))))

  ;; *$dst -= *$src (u128 LE); returns 1 (and leaves $dst unchanged) if *$src > *$dst.
  (func $sub_u128 (param $dst i32) (param $src i32) (result i32)
    (local $a_lo i64) (local $a_hi i64) (local $b_lo i64) (local $b_hi i64)
    (local.set $a_lo (i64.load (local.get $dst)))
    (local.set $a_hi (i64.load offset=8 (local.get $dst)))
    (local.set $b_lo (i64.load (local.get $src)))
    (local.set $b_hi (i64.load offset=8 (local.get $src)))
    (if (i32.or
          (i64.lt_u (local.get $a_hi) (local.get $b_hi))
          (i32.and (i64.eq (local.get $a_hi) (local.get $b_hi))
                   (i64.lt_u (local.get $a_lo) (local.get $b_lo))))
      (then (return (i32.const 1))))
    (i64.store (local.get $dst) (i64.sub (local.get $a_lo) (local.get $b_lo)))
    (i64.store offset=8 (local.get $dst)
      (i64.sub
        (i64.sub (local.get $a_hi) (local.get $b_hi))
        (i64.extend_i32_u (i64.lt_u (local.get $a_lo) (local.get $b_lo)))))
    (i32.const 0))

  ;; Writes data key $index (value $index + 1) for $index in [0, $count).
  (func $write_data (param $count i32)
    (local $i i32)
    (i64.store offset=8 (i32.const 0x2b0) (i64.const 0))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (i32.store offset=1 (i32.const 0x2a0) (local.get $i))
        (i64.store (i32.const 0x2b0) (i64.extend_i32_u (i32.add (local.get $i) (i32.const 1))))
        (call $set_u128 (i32.const 0x2a0) (i32.const 5) (i32.const 0x2b0))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; ---- entry points -------------------------------------------------------

  ;; Instantiation: the caller becomes the minter; data keys 0..9 are seeded.
  (func (export "deploy")
    (call $load_caller)
    (i32.store8 (i32.const 0x400) (i32.const 0))
    (drop (call $set_storage (i32.const 0x400) (i32.const 1) (i32.const 0x120) (i32.const 32)))
    (call $write_data (i32.const 10)))

  (func (export "call")
    (local $len i32) (local $i i32) (local $rounds i32) (local $lo i64) (local $hi i64)
    (local.set $len (call $read_input))
    (if (i32.eqz (local.get $len)) (then (call $revert)))
    (block $bad
      (block $s6 (block $s5 (block $s4 (block $s3 (block $s2 (block $s1 (block $s0
        (br_table $s0 $s1 $s2 $s3 $s4 $s5 $s6 $bad (i32.load8_u (i32.const 0))))

        ;; 0: mint(to, amount), minter only
        (br_if $bad (i32.lt_u (local.get $len) (i32.const 49)))
        (call $load_caller)
        (i32.store (i32.const 0x110) (i32.const 32))
        (i32.store8 (i32.const 0x400) (i32.const 0))
        (br_if $bad (call $get_storage (i32.const 0x400) (i32.const 1) (i32.const 0x420) (i32.const 0x110)))
        (br_if $bad (i32.eqz (call $eq32 (i32.const 0x420) (i32.const 0x120))))
        (call $balance_key (i32.const 0x140) (i32.const 1))
        (call $get_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
        (br_if $bad (call $add_u128 (i32.const 0x1c0) (i32.const 33)))
        (call $set_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
        (return))

        ;; 1: transfer(to, amount) from the caller, with a Transfer event
        (br_if $bad (i32.lt_u (local.get $len) (i32.const 49)))
        (call $load_caller)
        (call $balance_key (i32.const 0x140) (i32.const 0x120))
        (call $get_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
        (br_if $bad (call $sub_u128 (i32.const 0x1c0) (i32.const 33)))
        (call $set_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
        (call $balance_key (i32.const 0x180) (i32.const 1))
        (call $get_u128 (i32.const 0x180) (i32.const 33) (i32.const 0x1d0))
        (br_if $bad (call $add_u128 (i32.const 0x1d0) (i32.const 33)))
        (call $set_u128 (i32.const 0x180) (i32.const 33) (i32.const 0x1d0))
        (call $copy32 (i32.const 0x221) (i32.const 0x120))
        (call $copy32 (i32.const 0x241) (i32.const 1))
        (i64.store (i32.const 0x280) (i64.load (i32.const 33)))
        (i64.store offset=8 (i32.const 0x280) (i64.load offset=8 (i32.const 33)))
        (call $deposit_event (i32.const 0x200) (i32.const 97) (i32.const 0x280) (i32.const 16))
        (return))

        ;; 2: balance_of(who) -> u128
        (br_if $bad (i32.lt_u (local.get $len) (i32.const 33)))
        (call $balance_key (i32.const 0x140) (i32.const 1))
        (call $get_u128 (i32.const 0x140) (i32.const 33) (i32.const 0x1c0))
        (call $seal_return (i32.const 0) (i32.const 0x1c0) (i32.const 16))
        (return))

        ;; 3: noop
        (return))

        ;; 4: read data keys 0..9 -> their sum (u128)
        (block $done
          (loop $next
            (br_if $done (i32.ge_u (local.get $i) (i32.const 10)))
            (i32.store offset=1 (i32.const 0x2a0) (local.get $i))
            (call $get_u128 (i32.const 0x2a0) (i32.const 5) (i32.const 0x2b0))
            (local.set $lo (i64.add (local.get $lo) (i64.load (i32.const 0x2b0))))
            (local.set $hi
              (i64.add
                (i64.add (local.get $hi) (i64.load offset=8 (i32.const 0x2b0)))
                (i64.extend_i32_u (i64.lt_u (local.get $lo) (i64.load (i32.const 0x2b0))))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $next)))
        (i64.store (i32.const 0x340) (local.get $lo))
        (i64.store offset=8 (i32.const 0x340) (local.get $hi))
        (call $seal_return (i32.const 0) (i32.const 0x340) (i32.const 16))
        (return))

        ;; 5: write data keys 0..99
        (call $write_data (i32.const 100))
        (return))

      ;; 6: hash_rounds(rounds: u32) -> 32-byte hash; h = blake2_256(h), h0 = 0
      (br_if $bad (i32.lt_u (local.get $len) (i32.const 5)))
      (local.set $rounds (i32.load (i32.const 1)))
      (i64.store (i32.const 0x300) (i64.const 0))
      (i64.store offset=8 (i32.const 0x300) (i64.const 0))
      (i64.store offset=16 (i32.const 0x300) (i64.const 0))
      (i64.store offset=24 (i32.const 0x300) (i64.const 0))
      (block $done
        (loop $next
          (br_if $done (i32.ge_u (local.get $i) (local.get $rounds)))
          (call $hash_blake2_256 (i32.const 0x300) (i32.const 32) (i32.const 0x300))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $next)))
      (call $seal_return (i32.const 0) (i32.const 0x300) (i32.const 32))
      (return))
    ;; unknown selector or malformed input
    (call $revert))
)
