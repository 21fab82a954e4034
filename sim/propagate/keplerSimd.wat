;; The cpu backend's Kepler kernel in WebAssembly SIMD (v128 as f64x2: two tracers per instruction).
;; The same operations, in the same order, as createCpuKernel in cpuKernel.ts (read that file for the algorithm and
;; its sources: Markley 1995 starter, s_cbrt.c cube root, table + series sin/cos, one Householder step), so that
;; every position is bit for bit the one the JavaScript kernel gives: WebAssembly floats are IEEE 754 binary64
;; with round-to-nearest, no fused multiply-add in SIMD128, and correctly rounded div and sqrt, as in JavaScript.
;;
;; Memory (one page and more, owned by simdKernel.ts):
;;   [0, 4112)         the sin/cos table, (sin E_j, cos E_j) at 16 j, E_j = j π / 256, j = 0..256, written by the host
;;   inPtr             2 pairs x 72 bytes per pair of tracers: PreparedOrbits rows (cpuPrepare.ts)
;;   outPtr            48 bytes per pair of tracers: x, y, z (m), interleaved as in the caller's output
;;   tmpPtr            32 bytes per pair of tracers: M and E0 between the two passes
;;
;; Assembled by scripts/build-simd.mjs (wabt) into keplerSimdWasm.ts; tests/propagate/simdBuild.test.ts checks the
;; committed bytes are this file's.
(module
  (memory (export "memory") 1)

  ;; positions(inPtr, outPtr, tmpPtr, pairs, dtS): `pairs` pairs of tracers from inPtr (stride 72 bytes per tracer) at
  ;; referenceTdbS + dtS, written to outPtr (24 bytes per tracer).
  (func (export "positions") (param $in i32) (param $out i32) (param $tmp i32) (param $pairs i32) (param $dt f64)
    (local $dtv v128) (local $M v128) (local $turns v128) (local $e v128) (local $m v128) (local $ome v128)
    (local $alpha v128) (local $d v128) (local $m2 v128) (local $q v128) (local $r v128) (local $x v128)
    (local $c v128) (local $cr v128) (local $w v128) (local $den v128) (local $E0 v128) (local $j v128)
    (local $idx v128) (local $delta v128) (local $z v128) (local $t0 v128) (local $t1 v128)
    (local $sj v128) (local $cj v128) (local $sd v128) (local $cd v128) (local $s v128) (local $co v128)
    (local $f0 v128) (local $f1 v128) (local $f2 v128) (local $f3 v128) (local $d3 v128) (local $step v128)
    (local $z2 v128) (local $cs v128) (local $ss v128) (local $sinE v128) (local $cosE v128)
    (local $X v128) (local $Y v128) (local $Z v128)
    (local $end i32) (local $in0 i32) (local $tmp0 i32)
    (local.set $dtv (f64x2.splat (local.get $dt)))
    (local.set $end (i32.add (local.get $in) (i32.mul (local.get $pairs) (i32.const 144))))
    (local.set $in0 (local.get $in))
    (local.set $tmp0 (local.get $tmp))
    (block $done
      (br_if $done (i32.ge_u (local.get $in) (local.get $end)))
      ;; pass 1, per pair: M and the starter E0 (into tmp, 32 bytes a pair). Two passes of shorter dependency
      ;; chains let the out-of-order core overlap more pairs than one long chain would.
      (loop $starter
        ;; M = M(tRef) + n dt, reduced by whole turns (2π in two parts); the rounding is the 1.5 2^52 trick
        (local.set $M
          (f64x2.add
            (v128.load64_lane offset=72 1 (local.get $in) (v128.load64_zero (local.get $in)))
            (f64x2.mul
              (v128.load64_lane offset=80 1 (local.get $in) (v128.load64_zero offset=8 (local.get $in)))
              (local.get $dtv))))
        (local.set $turns
          (f64x2.sub
            (f64x2.add
              (f64x2.mul (local.get $M) (v128.const f64x2 0x1.45f306dc9c883p-3 0x1.45f306dc9c883p-3))
              (v128.const f64x2 0x1.8p52 0x1.8p52))
            (v128.const f64x2 0x1.8p52 0x1.8p52)))
        (local.set $M
          (f64x2.sub
            (f64x2.sub (local.get $M)
              (f64x2.mul (local.get $turns) (v128.const f64x2 0x1.921fb54442d18p2 0x1.921fb54442d18p2)))
            (f64x2.mul (local.get $turns) (v128.const f64x2 0x1.1a62633145c07p-52 0x1.1a62633145c07p-52))))
        (local.set $e (v128.load64_lane offset=88 1 (local.get $in) (v128.load64_zero offset=16 (local.get $in))))
        (local.set $m (f64x2.abs (local.get $M)))
        (local.set $ome (f64x2.sub (v128.const f64x2 1 1) (local.get $e)))
        ;; Markley eqs. 15-18: alpha = (3 π² + 1.6 π (π - m) / (1 + e)) / (π² - 6), d, q, r
        (local.set $alpha
          (f64x2.mul
            (f64x2.add
              (v128.const f64x2 0x1.d9bdb2e9d68cdp4 0x1.d9bdb2e9d68cdp4)
              (f64x2.div
                (f64x2.mul
                  (v128.const f64x2 0x1.41b2f769cf0ep2 0x1.41b2f769cf0ep2)
                  (f64x2.sub (v128.const f64x2 0x1.921fb54442d18p1 0x1.921fb54442d18p1) (local.get $m)))
                (f64x2.add (v128.const f64x2 1 1) (local.get $e))))
            (v128.const f64x2 0x1.08a064859933p-2 0x1.08a064859933p-2)))
        (local.set $d
          (f64x2.add
            (f64x2.mul (v128.const f64x2 3 3) (local.get $ome))
            (f64x2.mul (local.get $alpha) (local.get $e))))
        (local.set $m2 (f64x2.mul (local.get $m) (local.get $m)))
        (local.set $q
          (f64x2.sub
            (f64x2.mul
              (f64x2.mul (f64x2.mul (v128.const f64x2 2 2) (local.get $alpha)) (local.get $d))
              (local.get $ome))
            (local.get $m2)))
        (local.set $r
          (f64x2.mul
            (f64x2.add
              (f64x2.mul
                (f64x2.mul (f64x2.mul (v128.const f64x2 3 3) (local.get $alpha)) (local.get $d))
                (f64x2.sub (local.get $d) (local.get $ome)))
              (local.get $m2))
            (local.get $m)))
        (local.set $x
          (f64x2.add
            (local.get $r)
            (f64x2.sqrt
              (f64x2.add
                (f64x2.mul (f64x2.mul (local.get $q) (local.get $q)) (local.get $q))
                (f64x2.mul (local.get $r) (local.get $r))))))
        ;; cube root's first guess (s_cbrt.c): high word / 3 + B1, low word 0. floor(h / 3) = (h 0xAAAAAAAB) >> 33
        ;; for every 32-bit h (the exact reciprocal multiply), as JavaScript's (h / 3) | 0 for h < 2^31.
        (local.set $c
          (i64x2.shl
            (i64x2.add
              (i64x2.shr_u
                (i64x2.mul
                  (i64x2.shr_u (local.get $x) (i32.const 32))
                  (v128.const i64x2 0xAAAAAAAB 0xAAAAAAAB))
                (i32.const 33))
              (v128.const i64x2 715094163 715094163))
            (i32.const 32)))
        ;; one polynomial step of s_cbrt.c: 2^-23.5
        (local.set $cr
          (f64x2.mul
            (f64x2.mul (local.get $c) (local.get $c))
            (f64x2.div (local.get $c) (local.get $x))))
        (local.set $c
          (f64x2.mul
            (local.get $c)
            (f64x2.add
              (f64x2.add
                (v128.const f64x2 0x1.e03e60f61e692p0 0x1.e03e60f61e692p0)
                (f64x2.mul
                  (local.get $cr)
                  (f64x2.add
                    (v128.const f64x2 -0x1.e28e092f0242p0 -0x1.e28e092f0242p0)
                    (f64x2.mul (local.get $cr) (v128.const f64x2 0x1.9f1604a49d6c2p0 0x1.9f1604a49d6c2p0)))))
              (f64x2.mul
                (f64x2.mul (f64x2.mul (local.get $cr) (local.get $cr)) (local.get $cr))
                (f64x2.add
                  (v128.const f64x2 -0x1.844cbbee751d9p-1 -0x1.844cbbee751d9p-1)
                  (f64x2.mul (local.get $cr) (v128.const f64x2 0x1.2b000d4e4edd7p-3 0x1.2b000d4e4edd7p-3)))))))
        ;; Markley eq. 19: E0 = (2 r w + m den) / (d den), w = c², den = w² + w q + q²
        (local.set $w (f64x2.mul (local.get $c) (local.get $c)))
        (local.set $den
          (f64x2.add
            (f64x2.add
              (f64x2.mul (local.get $w) (local.get $w))
              (f64x2.mul (local.get $w) (local.get $q)))
            (f64x2.mul (local.get $q) (local.get $q))))
        (local.set $E0
          (f64x2.div
            (f64x2.add
              (f64x2.mul (f64x2.mul (v128.const f64x2 2 2) (local.get $r)) (local.get $w))
              (f64x2.mul (local.get $m) (local.get $den)))
            (f64x2.mul (local.get $d) (local.get $den))))
        (v128.store (local.get $tmp) (local.get $M))
        (v128.store offset=16 (local.get $tmp) (local.get $E0))
        (local.set $in (i32.add (local.get $in) (i32.const 144)))
        (local.set $tmp (i32.add (local.get $tmp) (i32.const 32)))
        (br_if $starter (i32.lt_u (local.get $in) (local.get $end))))
      (local.set $in (local.get $in0))
      (local.set $tmp (local.get $tmp0))
      ;; pass 2, per pair: sin/cos, the Householder step and the position
      (loop $pair
        (local.set $M (v128.load (local.get $tmp)))
        (local.set $E0 (v128.load offset=16 (local.get $tmp)))
        (local.set $e (v128.load64_lane offset=88 1 (local.get $in) (v128.load64_zero offset=16 (local.get $in))))
        (local.set $m (f64x2.abs (local.get $M)))
        ;; sin, cos of E0 from the table node j (nearest) and series of the offset delta, |delta| <= π / 512
        (local.set $j
          (f64x2.sub
            (f64x2.add
              (f64x2.mul (local.get $E0) (v128.const f64x2 0x1.45f306dc9c883p6 0x1.45f306dc9c883p6))
              (v128.const f64x2 0x1.8p52 0x1.8p52))
            (v128.const f64x2 0x1.8p52 0x1.8p52)))
        (local.set $delta
          (f64x2.sub
            (f64x2.sub
              (local.get $E0)
              (f64x2.mul (local.get $j) (v128.const f64x2 0x1.921fbp-7 0x1.921fbp-7)))
            (f64x2.mul (local.get $j) (v128.const f64x2 0x1.5110b46p-29 0x1.5110b46p-29))))
        (local.set $z (f64x2.mul (local.get $delta) (local.get $delta)))
        ;; table byte offsets 16 j, the index clamped to [0, 256] so that no lane can read outside the table
        ;; (JavaScript would read undefined there, NaN; a finite E0 in [0, π] never gets near the clamp)
        (local.set $idx
          (i32x4.shl
            (i32x4.min_u (i32x4.trunc_sat_f64x2_u_zero (local.get $j)) (v128.const i32x4 256 256 256 256))
            (i32.const 4)))
        (local.set $t0 (v128.load (i32x4.extract_lane 0 (local.get $idx))))
        (local.set $t1 (v128.load (i32x4.extract_lane 1 (local.get $idx))))
        (local.set $sj (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $t0) (local.get $t1)))
        (local.set $cj (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $t0) (local.get $t1)))
        (local.set $sd
          (f64x2.mul
            (local.get $delta)
            (f64x2.sub
              (v128.const f64x2 1 1)
              (f64x2.mul
                (local.get $z)
                (f64x2.sub
                  (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)
                  (f64x2.mul (local.get $z) (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7)))))))
        (local.set $cd
          (f64x2.sub
            (v128.const f64x2 1 1)
            (f64x2.mul
              (local.get $z)
              (f64x2.sub
                (v128.const f64x2 0.5 0.5)
                (f64x2.mul
                  (local.get $z)
                  (f64x2.sub
                    (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5)
                    (f64x2.mul (local.get $z) (v128.const f64x2 0x1.6c16c16c16c17p-10 0x1.6c16c16c16c17p-10))))))))
        (local.set $s
          (f64x2.add (f64x2.mul (local.get $sj) (local.get $cd)) (f64x2.mul (local.get $cj) (local.get $sd))))
        (local.set $co
          (f64x2.sub (f64x2.mul (local.get $cj) (local.get $cd)) (f64x2.mul (local.get $sj) (local.get $sd))))
        ;; one Householder step of order 4 on f(E) = E - e sin E - m (Markley eq. 20)
        (local.set $f0
          (f64x2.add
            (f64x2.sub
              (f64x2.sub
                (f64x2.mul (local.get $j) (v128.const f64x2 0x1.921fbp-7 0x1.921fbp-7))
                (f64x2.mul (local.get $e) (local.get $s)))
              (local.get $m))
            (f64x2.add
              (f64x2.mul (local.get $j) (v128.const f64x2 0x1.5110b46p-29 0x1.5110b46p-29))
              (local.get $delta))))
        (local.set $f3 (f64x2.mul (local.get $e) (local.get $co)))
        (local.set $f1 (f64x2.sub (v128.const f64x2 1 1) (local.get $f3)))
        (local.set $f2 (f64x2.mul (local.get $e) (local.get $s)))
        (local.set $d3
          (f64x2.div
            (f64x2.mul (f64x2.neg (local.get $f0)) (local.get $f1))
            (f64x2.sub
              (f64x2.mul (local.get $f1) (local.get $f1))
              (f64x2.mul (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $f0)) (local.get $f2)))))
        (local.set $step
          (f64x2.div
            (f64x2.neg (local.get $f0))
            (f64x2.add
              (local.get $f1)
              (f64x2.mul
                (local.get $d3)
                (f64x2.add
                  (f64x2.mul (v128.const f64x2 0.5 0.5) (local.get $f2))
                  (f64x2.mul
                    (f64x2.mul (local.get $d3) (local.get $f3))
                    (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)))))))
        (local.set $z2 (f64x2.mul (local.get $step) (local.get $step)))
        (local.set $cs
          (f64x2.sub
            (v128.const f64x2 1 1)
            (f64x2.mul
              (local.get $z2)
              (f64x2.sub
                (v128.const f64x2 0.5 0.5)
                (f64x2.mul (local.get $z2) (v128.const f64x2 0x1.5555555555555p-5 0x1.5555555555555p-5))))))
        (local.set $ss
          (f64x2.mul
            (local.get $step)
            (f64x2.sub
              (v128.const f64x2 1 1)
              (f64x2.mul
                (local.get $z2)
                (f64x2.sub
                  (v128.const f64x2 0x1.5555555555555p-3 0x1.5555555555555p-3)
                  (f64x2.mul (local.get $z2) (v128.const f64x2 0x1.1111111111111p-7 0x1.1111111111111p-7)))))))
        ;; sin E with the sign of M (+1 where M >= 0, else -1), cos E - e
        (local.set $sinE
          (f64x2.mul
            (v128.bitselect
              (v128.const f64x2 1 1)
              (v128.const f64x2 -1 -1)
              (f64x2.ge (local.get $M) (v128.const f64x2 0 0)))
            (f64x2.add (f64x2.mul (local.get $s) (local.get $cs)) (f64x2.mul (local.get $co) (local.get $ss)))))
        (local.set $cosE
          (f64x2.sub
            (f64x2.sub (f64x2.mul (local.get $co) (local.get $cs)) (f64x2.mul (local.get $s) (local.get $ss)))
            (local.get $e)))
        ;; position = A (cos E - e) + B sin E
        (local.set $X
          (f64x2.add
            (f64x2.mul
              (v128.load64_lane offset=96 1 (local.get $in) (v128.load64_zero offset=24 (local.get $in)))
              (local.get $cosE))
            (f64x2.mul
              (v128.load64_lane offset=120 1 (local.get $in) (v128.load64_zero offset=48 (local.get $in)))
              (local.get $sinE))))
        (local.set $Y
          (f64x2.add
            (f64x2.mul
              (v128.load64_lane offset=104 1 (local.get $in) (v128.load64_zero offset=32 (local.get $in)))
              (local.get $cosE))
            (f64x2.mul
              (v128.load64_lane offset=128 1 (local.get $in) (v128.load64_zero offset=56 (local.get $in)))
              (local.get $sinE))))
        (local.set $Z
          (f64x2.add
            (f64x2.mul
              (v128.load64_lane offset=112 1 (local.get $in) (v128.load64_zero offset=40 (local.get $in)))
              (local.get $cosE))
            (f64x2.mul
              (v128.load64_lane offset=136 1 (local.get $in) (v128.load64_zero offset=64 (local.get $in)))
              (local.get $sinE))))
        ;; x0 y0 | z0 x1 | y1 z1
        (v128.store (local.get $out)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 (local.get $X) (local.get $Y)))
        (v128.store offset=16 (local.get $out)
          (i8x16.shuffle 0 1 2 3 4 5 6 7 24 25 26 27 28 29 30 31 (local.get $Z) (local.get $X)))
        (v128.store offset=32 (local.get $out)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 24 25 26 27 28 29 30 31 (local.get $Y) (local.get $Z)))
        (local.set $in (i32.add (local.get $in) (i32.const 144)))
        (local.set $out (i32.add (local.get $out) (i32.const 48)))
        (local.set $tmp (i32.add (local.get $tmp) (i32.const 32)))
        (br_if $pair (i32.lt_u (local.get $in) (local.get $end)))))))
