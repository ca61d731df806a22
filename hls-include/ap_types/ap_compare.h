// sparsepixels ap_types: the six comparisons (§9): binary points aligned, then the raw rules of
// §9.2 including the C-like mixed-signedness quirks; with double/float in floating point (§9.4).
#ifndef SP_AP_COMPARE_H
#define SP_AP_COMPARE_H

#include "ap_fixed_base.h"
#include "ap_int_base.h"

namespace sp_ap_detail {

// Three-way comparison of two extended values (pattern, extension bit).
template <class U>
SP_AP_CX14 SP_AP_INLINE int cmp_ext(U x, bool nx, U y, bool ny) {
  return nx != ny ? (nx ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0;
}
// Three-way comparison of x with y * 2^k (k >= 0) without widening: floor(x / 2^k) against y.
template <class U>
SP_AP_CX14 SP_AP_INLINE int cmp_shifted(U x, bool nx, U y, bool ny, int k) {
  const int c = cmp_ext(shr_ext(x, nx, k), nx, y, ny);
  return c != 0 ? c : low_nonzero(x, nx, k) ? 1 : 0;
}

// Whether x * 2^k and y are equal modulo 2^m (m > k): y must end in k zero bits, and
// floor(y / 2^k) must agree with x modulo 2^(m - k); exact equality when m - k exceeds the word.
template <class U>
SP_AP_CX14 SP_AP_INLINE bool congruent(U x, bool nx, U y, bool ny, int k, int m) {
  if (low_nonzero(y, ny, k)) return false;
  const U yk = shr_ext(y, ny, k);
  if (m - k > mbits<U>::value) return x == yk && nx == ny;
  return (U(x - yk) & low_mask<U>(m - k)) == 0;
}

template <class A, class B>
struct cmp_plan {
  typedef operand<A> X;
  typedef operand<B> Y;
  // The operand with fewer fractional bits is shifted; the left one gets one extra container bit.
  static const int k1 = X::F < Y::F ? Y::F - X::F : 0;
  static const int k2 = X::F > Y::F ? X::F - Y::F : 0;
  static const int Wl = k1 > 0 ? X::W + k1 + 1 : X::W;
  static const int Wr = k2 > 0 ? Y::W + k2 : Y::W;
  // [quirk] a right AP_SAT_SYM operand at its minimum is shifted by a saturating conversion.
  static const bool edge = k2 > 0 && Y::kind == KIND_FIXED && Y::S && Y::O == AP_SAT_SYM;
  static const bool mixed = X::S != Y::S;
  static const int Wun = X::S ? Wr : Wl;
  static const int Wsg = X::S ? Wl : Wr;
  // [quirk] C-like unsigned comparison: a negative signed value compares above every unsigned one.
  static const bool order_quirk = mixed && (Wl >= 32 || Wr >= 32) && Wun >= Wsg;
  // Equality compares patterns of Meq bits.
  static const int Meq = Wl == Wr ? imax(Wl, 64) : imax(imax(Wl, Wr), 32);
  static const bool fast = Wl + !X::S <= 64 && Wr + !Y::S <= 64;
  typedef typename mint<(X::W <= 64 && Y::W <= 64) ? 64 : 128, false>::type U;

  static SP_AP_CX14 SP_AP_INLINE bool at_edge(const B& b) {
    return edge && U(Y::raw(b)) == U(finish(U(U(1) << (Y::W - 1)), Y::W, true));
  }
  static SP_AP_CX14 SP_AP_INLINE int three_way(const A& a, const B& b) {
    const bool na = is_negative(a);
    const bool nb = is_negative(b);
    if (order_quirk && (na || nb)) return na ? 1 : -1;
    if (fast) {
      const int64_t l = int64_t(uint64_t(int64_t(X::raw(a))) << k1);
      const int64_t r = int64_t(uint64_t(int64_t(Y::raw(b))) << k2) + (at_edge(b) ? 1 : 0);
      return l < r ? -1 : l > r ? 1 : 0;
    }
    const U ra = U(X::raw(a));
    const U rb = U(Y::raw(b));
    if (k1 > 0) return -cmp_shifted(rb, nb, ra, na, k1);
    if (at_edge(b)) return cmp_shifted(U(ra - 1), na || ra == 0, rb, nb, k2);  // a vs b*2^k + 1
    return cmp_shifted(ra, na, rb, nb, k2);
  }
  static SP_AP_CX14 SP_AP_INLINE bool equal(const A& a, const B& b) {
    if (fast && Meq <= 64) {
      const uint64_t l = uint64_t(int64_t(X::raw(a))) << k1;
      const uint64_t r = (uint64_t(int64_t(Y::raw(b))) << k2) + (at_edge(b) ? 1 : 0);
      return ((l ^ r) & low_mask<uint64_t>(Meq)) == 0;
    }
    const bool na = is_negative(a);
    const bool nb = is_negative(b);
    const U ra = U(X::raw(a));
    const U rb = U(Y::raw(b));
    if (k1 > 0) return congruent(ra, na, rb, nb, k1, Meq);
    if (at_edge(b)) return congruent(rb, nb, U(ra - 1), na || ra == 0, k2, Meq);  // b*2^k + 1 vs a
    return congruent(rb, nb, ra, na, k2, Meq);
  }
};

template <class T>
struct cmp_left_fixed { static const bool value = operand<T>::ok; };
template <class T>
struct cmp_not_fixed { static const bool value = operand<T>::ok && operand<T>::kind != KIND_FIXED; };

}  // namespace sp_ap_detail

#define SP_AP_CMP_ALL(OP, EXPR)                                                                          \
  template <int W1, int I1, bool S1, ap_q_mode Q1, ap_o_mode O1, int N1, class B>                        \
  SP_AP_CX14 SP_AP_INLINE typename std::enable_if<sp_ap_detail::cmp_left_fixed<B>::value, bool>::type    \
  operator OP(const ap_fixed_base<W1, I1, S1, Q1, O1, N1>& a, const B& b) {                              \
    typedef sp_ap_detail::cmp_plan<ap_fixed_base<W1, I1, S1, Q1, O1, N1>, B> P;                          \
    return EXPR;                                                                                         \
  }                                                                                                      \
  template <class A, int W2, int I2, bool S2, ap_q_mode Q2, ap_o_mode O2, int N2>                        \
  SP_AP_CX14 SP_AP_INLINE typename std::enable_if<sp_ap_detail::cmp_not_fixed<A>::value, bool>::type     \
  operator OP(const A& a, const ap_fixed_base<W2, I2, S2, Q2, O2, N2>& b) {                              \
    typedef sp_ap_detail::cmp_plan<A, ap_fixed_base<W2, I2, S2, Q2, O2, N2> > P;                         \
    return EXPR;                                                                                         \
  }                                                                                                      \
  template <int W1, bool S1, class B>                                                                    \
  SP_AP_CX14 SP_AP_INLINE typename std::enable_if<sp_ap_detail::cmp_not_fixed<B>::value, bool>::type     \
  operator OP(const ap_int_base<W1, S1>& a, const B& b) {                                                \
    typedef sp_ap_detail::cmp_plan<ap_int_base<W1, S1>, B> P;                                            \
    return EXPR;                                                                                         \
  }                                                                                                      \
  template <class A, int W2, bool S2>                                                                    \
  SP_AP_CX14 SP_AP_INLINE typename std::enable_if<sp_ap_detail::is_cint<A>::value, bool>::type           \
  operator OP(const A& a, const ap_int_base<W2, S2>& b) {                                                \
    typedef sp_ap_detail::cmp_plan<A, ap_int_base<W2, S2> > P;                                           \
    return EXPR;                                                                                         \
  }                                                                                                      \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>                                       \
  inline bool operator OP(const ap_fixed_base<W, I, S, Q, O, N>& a, double b) { return a.to_double() OP b; } \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>                                       \
  inline bool operator OP(double a, const ap_fixed_base<W, I, S, Q, O, N>& b) { return a OP b.to_double(); } \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>                                       \
  inline bool operator OP(const ap_fixed_base<W, I, S, Q, O, N>& a, float b) { return a.to_double() OP b; } \
  template <int W, int I, bool S, ap_q_mode Q, ap_o_mode O, int N>                                       \
  inline bool operator OP(float a, const ap_fixed_base<W, I, S, Q, O, N>& b) { return a OP b.to_double(); } \
  template <int W, bool S>                                                                               \
  inline bool operator OP(const ap_int_base<W, S>& a, double b) { return a.to_double() OP b; }           \
  template <int W, bool S>                                                                               \
  inline bool operator OP(double a, const ap_int_base<W, S>& b) { return a OP b.to_double(); }           \
  template <int W, bool S>                                                                               \
  inline bool operator OP(const ap_int_base<W, S>& a, float b) { return a.to_double() OP b; }            \
  template <int W, bool S>                                                                               \
  inline bool operator OP(float a, const ap_int_base<W, S>& b) { return a OP b.to_double(); }

SP_AP_CMP_ALL(<, P::three_way(a, b) < 0)
SP_AP_CMP_ALL(>, P::three_way(a, b) > 0)
SP_AP_CMP_ALL(<=, P::three_way(a, b) <= 0)
SP_AP_CMP_ALL(>=, P::three_way(a, b) >= 0)
SP_AP_CMP_ALL(==, P::equal(a, b))
SP_AP_CMP_ALL(!=, !P::equal(a, b))

#endif  // SP_AP_COMPARE_H
