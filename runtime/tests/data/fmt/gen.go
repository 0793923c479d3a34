// Generates fmt.out: gc 1.19's output for goscope's fmt core tests
// (runtime/tests/stdlib_fmt.rs). Regenerate with
//   /usr/lib/go-1.19/bin/go run gen.go > fmt.out
// Each line: "printf", "print" or "println", the format in hex (printf only), the
// operands (TAB-separated, typed: i:5, u8:7, f64:<bits hex>, s:<hex>, b:<hex>|b:nil,
// t:true, c128:<bits>,<bits>, nil), then "=>" and the output in hex.
package main

import (
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"strings"
)

func h(s string) string {
	if s == "" {
		return "-"
	}
	return hex.EncodeToString([]byte(s))
}

func enc(a any) string {
	switch v := a.(type) {
	case nil:
		return "nil"
	case bool:
		return fmt.Sprintf("t:%t", v)
	case int:
		return fmt.Sprintf("i:%d", v)
	case int8:
		return fmt.Sprintf("i8:%d", v)
	case int16:
		return fmt.Sprintf("i16:%d", v)
	case int32:
		return fmt.Sprintf("i32:%d", v)
	case int64:
		return fmt.Sprintf("i64:%d", v)
	case uint:
		return fmt.Sprintf("u:%d", v)
	case uint8:
		return fmt.Sprintf("u8:%d", v)
	case uint16:
		return fmt.Sprintf("u16:%d", v)
	case uint32:
		return fmt.Sprintf("u32:%d", v)
	case uint64:
		return fmt.Sprintf("u64:%d", v)
	case uintptr:
		return fmt.Sprintf("uptr:%d", v)
	case float32:
		return fmt.Sprintf("f32:%x", math.Float32bits(v))
	case float64:
		return fmt.Sprintf("f64:%x", math.Float64bits(v))
	case complex64:
		return fmt.Sprintf("c64:%x,%x", math.Float32bits(real(v)), math.Float32bits(imag(v)))
	case complex128:
		return fmt.Sprintf("c128:%x,%x", math.Float64bits(real(v)), math.Float64bits(imag(v)))
	case string:
		return "s:" + h(v)
	case []byte:
		if v == nil {
			return "b:nil"
		}
		return "b:" + h(string(v))
	}
	panic("type")
}

func line(kind, format string, out string, a ...any) {
	var parts []string
	parts = append(parts, kind)
	if kind == "printf" {
		parts = append(parts, h(format))
	}
	for _, x := range a {
		parts = append(parts, enc(x))
	}
	parts = append(parts, "=>", h(out))
	fmt.Println(strings.Join(parts, "\t"))
}

func printf(format string, a ...any) {
	line("printf", format, fmt.Sprintf(format, a...), a...)
}

func main() {
	r := rand.New(rand.NewSource(7))
	values := []any{nil, true, false, 0, 1, -1, 42, -42, 123456789, math.MaxInt64, math.MinInt64,
		int8(-128), int8(127), int16(-300), int32(0x263a), int32(-5), int64(1 << 40), uint(7), uint8(200), uint16(65535),
		uint32(0x1F600), uint64(math.MaxUint64), uintptr(0xdeadbeef), int32(0x110000), int32(0xd800),
		0.0, math.Copysign(0, -1), 1.0, -1.5, 3.14159265358979, 1e6, 1e21, 1e-7, 123456.789, 1e100, 2.5e-300,
		math.Inf(1), math.Inf(-1), math.NaN(), float32(0.1), float32(3.4e38), float32(-2.5), float32(1e-10),
		complex(1, 2), complex(-1.5, math.Inf(1)), complex64(complex(0.1, -0.2)), complex(math.NaN(), 0),
		"", "hello", "héllo, 世界", "tab\there", "quote\"back`", "\xff\xfeinvalid", "☺", "\x00\x7f", "a\u00ad\u2028b",
		[]byte(nil), []byte{}, []byte("bytes"), []byte{0, 1, 255}, []byte("héllo")}
	verbs := "vdbocqxXUeEfFgGstTpw%zO"
	flagset := []string{"", "", "+", "-", "#", " ", "0", "+#", "-0", "# ", "+ ", "0#", "-#", "+0", " 0", "#-+ 0"}
	widths := []string{"", "", "1", "5", "12", "*"}
	precs := []string{"", "", ".0", ".1", ".3", ".8", ".", ".*"}
	for _, v := range values {
		for _, verb := range verbs {
			if b, ok := v.([]byte); ok && b != nil && verb == 'p' {
				continue // an address: differs between runs
			}
			for k := 0; k < 4; k++ {
				f := "%" + flagset[r.Intn(len(flagset))] + widths[r.Intn(len(widths))] + precs[r.Intn(len(precs))] + string(verb)
				var args []any
				if strings.Contains(f, "*") {
					for range strings.Split(f, "*")[1:] {
						args = append(args, r.Intn(15)-4)
					}
				}
				args = append(args, v)
				printf("["+f+"]", args...)
			}
		}
	}
	// Driver edge cases.
	printf("%d %d", 1)
	printf("%d", 1, 2, "x", nil)
	printf("%[2]d %[1]d", 1, 2)
	printf("%[3]d", 1, 2)
	printf("%[0]d", 1)
	printf("%[x]d", 1)
	printf("%[1]d %d %d", 1, 2)
	printf("%[2]*[1]d|", 12, 5)
	printf("%[2]*d|", 12, 5)
	printf("%[1]d %[1]x %[1]o", 255)
	printf("%[3]2d", 1, 2, 3)
	printf("%[3].2d", 1, 2, 3)
	printf("%.[2]d", 1, 2)
	printf("%*d", "x", 5)
	printf("%.*d", "x", 5)
	printf("%*d", 10000000, 5)
	printf("%*d", uint8(5), 5)
	printf("%*d", uint64(math.MaxUint64), 5)
	printf("%-*d|", 5, 7)
	printf("%*d|", -5, 7)
	printf("%.*d|", -5, 7)
	printf("%", 1)
	printf("%-", 1)
	printf("%5", 1)
	printf("%.", 1)
	printf("%[", 1)
	printf("%[1", 1)
	printf("%[1]", 1)
	printf("100%%", 1)
	printf("%5%|")
	printf("%!", 1)
	printf("%☺", 1)
	printf("%\xff", 1)
	printf("%d\xff%s", 1, "x")
	printf("%v %v", nil, nil)
	printf("%d", nil)
	printf("%T %T %T", nil, 1, "s")
	printf("%s", nil, 3)
	printf("%v|%+v|%#v", 5, 5, 5)
	printf("%#v %#v %#v %#v", uint(5), "s", []byte{1, 2}, []byte(nil))
	printf("%010.3f|%-010.3f|%+010.3f", -3.5, 3.5, 3.5)
	printf("%x %X % x %#x % #X", "hi there", []byte("hi"), "abc", "abc", "abc")
	printf("%08q|%-8q|%#q|%+q", "a", "b", "c`d", "☺")
	printf("%c|%c|%c", 65, 0x263a, -1)
	printf("%U|%#U|%#U|%#.8U", 0x1F600, 'x', 0x7f, 0x263a)
	printf("%.2s|%.1q|%.0s|%5.2s|", "héllo", "héllo", "abc", "xyz")
	printf("%e %E %.0e %#.0e %#g %#.3g %#x", 123456.0, 0.000123, 5.0, 5.0, 1.0, 100.0, 1.0)
	printf("%6.2f%%", 99.5)
	printf("%t %v %d", true, false, true)
	printf("%08b %o %O %#o %#b", 5, 64, 64, 64, 5)
	printf("%x %X %#x %x", -255, -255, -255, int8(-1))
	printf("%v %.3v %10.4v|", 1e-5, 3.14159, 2.0/3)
	printf("%v %v %v %v", float32(1)/3, 1.0/3, 1e20, 1e21)
	printf("%g %G %e", 1e-320, 1e300, math.SmallestNonzeroFloat64)
	printf("%v %.2f %+.1e", complex(1, -2), complex(3, 4), complex64(complex(1, 1)))
	printf("%5t|%-7t|", true, false)
	printf("%q %q %+q %#q", 'x', 0x263a, 0x263a, '\n')
	printf("%d %s", []byte{1, 2}, []byte("ab"))
	printf("%x %X %o", []byte{1, 171}, []byte{171}, []byte{8, 9})
	printf("%p", 5)
	printf("%08.3d|%-08d|% 05d|%+05d", 7, 7, 7, 7)
	printf("%.0d|%5.0d|%-5.0d|", 0, 0, 0)
	printf("%020.10x|", 255)
	for _, args := range [][]any{
		{}, {1}, {1, 2}, {"a", "b"}, {1, "a", 2}, {"a", 1, 2, "b"}, {1.5, true}, {nil, nil}, {"a", nil, "b"},
		{nil, 1}, {[]byte("x"), 3}, {uint8(1), int8(2)}, {"", "", 1}, {complex(1, 1), 2.5},
	} {
		line("print", "", fmt.Sprint(args...), args...)
		line("println", "", fmt.Sprintln(args...), args...)
	}
}
