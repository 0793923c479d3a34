// Generates strconv.out: gc 1.19's results for goscope's strconv tests
// (runtime/tests/stdlib_strconv.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > strconv.out
// Lines are TAB-separated: an operation, its arguments, its result. Strings are hex so
// any bytes survive; floats are their IEEE bits in hex.
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strconv"
)

func h(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func errs(err error) string {
	if err == nil {
		return "-"
	}
	return h(err.Error())
}

func main() {
	r := rand.New(rand.NewSource(42))
	var floats []float64
	specials := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 0.5, 1.5, 2.5, -2.5,
		100, 123456789, 1e20, 1e21, 1e22, 1e23, 1e-4, 1e-5, 1e-7, 123.456, 5e-324, 1e-320,
		math.MaxFloat64, math.SmallestNonzeroFloat64, math.MaxFloat32, math.SmallestNonzeroFloat32,
		math.Inf(1), math.Inf(-1), math.NaN(), math.Pi, math.E, 1 << 53, 1<<53 + 1, 9007199254740993,
		0.000001, 0.0000001, 999999, 9999999, 0.05, 0.15, 0.25, 0.35, 1.005, 2.675, 1e100, 1e-100,
		3.0000000000000004, 0.30000000000000004, 1.7976931348623157e308, 4.9406564584124654e-324,
		2.2250738585072014e-308, 2.2250738585072009e-308, 16777216, 16777217, 3.4028235e38, 1.17549435e-38}
	floats = append(floats, specials...)
	for i := 0; i < 150; i++ {
		floats = append(floats, math.Float64frombits(r.Uint64()))
	}
	for i := 0; i < 120; i++ {
		floats = append(floats, float64(r.Intn(2000000)-1000000)/math.Pow(10, float64(r.Intn(12))))
	}
	for i := 0; i < 100; i++ {
		floats = append(floats, float64(math.Float32frombits(r.Uint32())))
	}
	for i := 0; i < 50; i++ {
		floats = append(floats, r.NormFloat64()*math.Pow(10, float64(r.Intn(40)-20)))
	}
	fmts := []byte{'e', 'E', 'f', 'g', 'G', 'b', 'x', 'X'}
	precs := []int{-1, 0, 1, 3, 6, 17}
	for i, f := range floats {
		for _, bs := range []int{64, 32} {
			if bs == 32 && i%3 != 0 && i >= len(specials) {
				continue
			}
			for _, c := range fmts {
				for _, p := range precs {
					if p > 0 && p != 6 && (i+int(c)+p)%3 != 0 {
						continue
					}
					fmt.Printf("ftoa\t%x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), c, p, bs, strconv.FormatFloat(f, c, p, bs))
				}
			}
		}
	}
	for _, p := range []int{20, 25, 40, 60, 100, 330, 400, 1100} {
		for _, f := range []float64{0.1, 1.0 / 3, 5e-324, math.MaxFloat64, 123.456, 1e-310} {
			for _, c := range []byte{'e', 'f', 'g'} {
				fmt.Printf("ftoa\t%x\t%c\t%d\t%d\t%s\n", math.Float64bits(f), c, p, 64, strconv.FormatFloat(f, c, p, 64))
			}
		}
	}

	// ParseFloat: round trips of the floats above in several forms, and odd syntax.
	var ins []string
	for i, f := range floats {
		ins = append(ins, strconv.FormatFloat(f, 'g', -1, 64), strconv.FormatFloat(f, 'e', 25, 64))
		if i%4 == 0 {
			ins = append(ins, strconv.FormatFloat(f, 'x', -1, 64), strconv.FormatFloat(f, 'f', -1, 64))
		}
	}
	ins = append(ins, "", "+", "-", ".", "1.", ".5", "-.5", "1e", "1e+", "1e5", "1E-5", "1_000.5", "1__0", "_1",
		"0x1p-2", "0x1.8p1", "0X1P+3", "0x1", "0x_1p0", "0x1_0p0", "0x1.fffffffffffff8p1023", "0x1p-1074", "0x1p-1075",
		"0x1.00000000000008p0", "0x1.00000000000018p0", "inf", "+Inf", "-INF", "infinity", "-Infinity", "infin", "nan", "NaN",
		"+nan", "1e400", "-1e400", "1e-400", "3.4028236e38", "1e39", "1.5e-45", "1e-46", "1x", "1.2.3", "0.000000000000000000000000000001e30",
		"123456789012345678901234567890", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324",
		"1e10000000", "0e10000000", "1_2", "0_1", "1e1_0", "1.e1", "00.5", "+0", "-0", " 1", "1 ")
	for _, s := range ins {
		for _, bs := range []int{64, 32} {
			f, err := strconv.ParseFloat(s, bs)
			fmt.Printf("atof\t%s\t%d\t%x\t%s\n", h(s), bs, math.Float64bits(f), errs(err))
		}
	}

	// Complex numbers.
	for i := 0; i+1 < len(floats); i += 7 {
		for _, c := range []byte{'g', 'e', 'f'} {
			for _, bs := range []int{64, 128} {
				v := complex(floats[i], floats[i+1])
				fmt.Printf("ctoa\t%x\t%x\t%c\t%d\t%s\n", math.Float64bits(real(v)), math.Float64bits(imag(v)), c, bs, strconv.FormatComplex(v, c, -1, bs))
			}
		}
	}
	cins := []string{"", "1", "(1)", "i", "2i", "(2i)", "1+2i", "(1+2i)", "1-2i", "-1-2i", "1+i", "1++2i", "1+-2i", "(1+2i", "1+2", "1+2j",
		"inf+infi", "-Inf-NaNi", "NaN+NaNi", "+infi", "1e400+1i", "1+1e400i", "1e400", "1e400+xi", "0x1p2+0x1p-2i", "1_0+2_0i", "3.5e-2-1.25e+3i",
		"(1+2i)x", "((1+2i))", "1e40+1e40i", "infinityi", "1+Infinityi", "-0-0i"}
	for _, s := range cins {
		for _, bs := range []int{64, 128} {
			v, err := strconv.ParseComplex(s, bs)
			fmt.Printf("atoc\t%s\t%d\t%x\t%x\t%s\n", h(s), bs, math.Float64bits(real(v)), math.Float64bits(imag(v)), errs(err))
		}
	}

	// Integers.
	ints := []int64{0, 1, -1, 7, -8, 10, 35, 36, 255, -255, 1 << 31, -1 << 31, 1<<63 - 1, -1 << 63, 1234567890123}
	for i := 0; i < 100; i++ {
		ints = append(ints, int64(r.Uint64())>>uint(r.Intn(64)))
	}
	for _, v := range ints {
		for _, b := range []int{2, 3, 8, 10, 16, 36} {
			fmt.Printf("itoa\t%d\t%d\t%s\t%s\n", v, b, strconv.FormatInt(v, b), strconv.FormatUint(uint64(v), b))
		}
	}
	istrs := []string{"", "0", "-0", "+5", "-", "+", "12", "-12", "0x1f", "0X1F", "0b101", "0o17", "017", "08", "0x", "0b", "1_000",
		"0x_1f", "1__0", "_1", "1_", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
		"18446744073709551615", "18446744073709551616", "99999999999999999999999", "z", "Z", "zz", "1z", "abc", "127", "128", "-128", "-129",
		"255", "256", "32767", "2147483648", "-2147483649", "4294967295", "4294967296", " 1", "1 ", "٣"}
	for _, s := range istrs {
		for _, base := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			for _, bs := range []int{0, 8, 16, 32, 64, 65, -1} {
				if (base == 1 || base == 37) && bs != 0 || bs < 0 && base != 10 {
					continue
				}
				v, err := strconv.ParseInt(s, base, bs)
				u, err2 := strconv.ParseUint(s, base, bs)
				fmt.Printf("atoi\t%s\t%d\t%d\t%d\t%s\t%d\t%s\n", h(s), base, bs, v, errs(err), u, errs(err2))
			}
		}
		a, err := strconv.Atoi(s)
		fmt.Printf("Atoi\t%s\t%d\t%s\n", h(s), a, errs(err))
	}
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "tRUE", "yes", ""} {
		b, err := strconv.ParseBool(s)
		fmt.Printf("bool\t%s\t%t\t%s\n", h(s), b, errs(err))
	}

	// Quoting.
	strs := []string{"", "hello", "a\tb\n", "\a\b\f\r\v\x00\x7f", `"quoted" \back\`, "'single'", "`back`", "☺ héllo 世界",
		"\xff\xfe", "a\xc3", "\xed\xa0\x80", "\u00ad\u200b\ufeff", "\U0001F600 \U000E0001", "\u2028\u00a0\u3000", "\U0010ffff", "\xf4\x90\x80\x80"}
	for i := 0; i < 300; i++ {
		b := make([]byte, r.Intn(12))
		for j := range b {
			switch r.Intn(3) {
			case 0:
				b[j] = byte(r.Intn(256))
			default:
				b[j] = byte(r.Intn(96) + 32)
			}
		}
		strs = append(strs, string(b))
		var rs []rune
		for j := 0; j < 4; j++ {
			rs = append(rs, rune(r.Intn(0x30000)))
		}
		strs = append(strs, string(rs))
	}
	for _, s := range strs {
		fmt.Printf("quote\t%s\t%s\t%s\t%s\t%t\n", h(s), h(strconv.Quote(s)), h(strconv.QuoteToASCII(s)), h(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
	}
	runes := []rune{-1, 0, 7, 9, 10, '\'', '"', '\\', 'a', 0x7f, 0x80, 0xa0, 0xad, 0xff, 0x100, 0x2028, 0xd800, 0xfeff, 0xfffd, 0x10000, 0x1f600, 0xe0001, 0x10ffff, 0x110000}
	for i := 0; i < 400; i++ {
		runes = append(runes, rune(r.Intn(0x110000)))
	}
	for _, c := range runes {
		fmt.Printf("qrune\t%d\t%s\t%s\t%s\n", c, h(strconv.QuoteRune(c)), h(strconv.QuoteRuneToASCII(c)), h(strconv.QuoteRuneToGraphic(c)))
	}
	// IsPrint and IsGraphic over every rune, as the runs where the answer changes.
	for _, fn := range []struct {
		name string
		f    func(rune) bool
	}{{"isprint", strconv.IsPrint}, {"isgraphic", strconv.IsGraphic}} {
		prev := false
		for c := rune(-1); c <= 0x110000; c++ {
			if v := fn.f(c); v != prev {
				fmt.Printf("%s\t%d\t%t\n", fn.name, c, v)
				prev = v
			}
		}
	}
	// Unquote of the quoted forms and of malformed literals.
	uins := []string{`""`, `"a"`, `'a'`, "`raw\r\n`", `"\x41\u263a\U0001F600\101\n"`, `'\''`, `"\'"`, `'\"'`, `'ab'`, `''`, `"`, `"a`, `a"`,
		`"\400"`, `"\xZZ"`, `"\ud800"`, `"\U00110000"`, "\"a\nb\"", `'\xff'`, `"\xff"`, "'\xff'", `"a"b"`, "``", "`a`b`", `'☺'`, `"\q"`}
	for _, s := range strs[:60] {
		uins = append(uins, strconv.Quote(s), strconv.QuoteToASCII(s), "'"+s+"'")
	}
	for _, s := range uins {
		u, err := strconv.Unquote(s)
		qp, err2 := strconv.QuotedPrefix(s + "tail")
		fmt.Printf("unquote\t%s\t%s\t%s\t%s\t%s\n", h(s), h(u), errs(err), h(qp), errs(err2))
	}
}
