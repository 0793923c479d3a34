#!/usr/bin/env python3
"""Writes a large valid Go program to stdout, for measuring `goscope check`.

    tools/gen-big.py 100000 > /tmp/big.go
    tools/gen-big.py --shape=generics 100000 > /tmp/gen.go

The default shape ("mixed") mixes what real code has: structs with methods,
interfaces, closures, maps, slices, loops, switches, string formatting.
Each unit is about 50 lines; units are repeated with distinct names until
the target line count is reached. Other shapes stress one thing each:

    smallfuncs  many tiny functions and calls between them
    globals     big package-level const (iota) and var blocks
    deepexpr    long arithmetic and boolean expressions, nested calls
    generics    generic types, functions, constraints and instantiations
"""
import sys

MIXED = '''
type T{n} struct {{
	name  string
	count int
	items []float64
	attrs map[string]int
}}

func (t *T{n}) Add(x float64) {{
	t.items = append(t.items, x)
	t.count++
}}

func (t T{n}) Sum() (s float64) {{
	for _, v := range t.items {{
		s += v
	}}
	return
}}

func (t *T{n}) String() string {{
	return fmt.Sprintf("%s:%d:%.2f", t.name, t.count, t.Sum())
}}

func f{n}(xs []int, m map[string]int) (int, error) {{
	total := 0
	for i := 0; i < len(xs); i++ {{
		switch {{
		case xs[i] > 100:
			total += xs[i] / 2
		case xs[i] < 0:
			return 0, errors.New("negative")
		default:
			total += xs[i] * {n}
		}}
	}}
	if v, ok := m["k{n}"]; ok && v > total {{
		total = v
	}}
	add := func(a, b int) int {{ return a + b }}
	t := &T{n}{{name: "t{n}", attrs: map[string]int{{"a": 1}}}}
	t.Add(float64(total))
	var s fmt.Stringer = t
	_ = s.String()
	return add(total, len(strings.Repeat("x", 3))), nil
}}
'''

SMALLFUNCS = '''
func a{n}(x int) int {{ return x + {n} }}

func b{n}(x, y int) int {{
	if x > y {{
		return a{n}(x)
	}}
	return y
}}

func c{n}(s string) bool {{ return len(s) > {n} }}

func d{n}(p *int) {{ *p = b{n}(*p, 3) }}

func e{n}() (int, bool) {{
	v := 0
	d{n}(&v)
	return v, c{n}("abc")
}}
'''

GLOBALS = '''
const (
	K{n}_0 = iota * 10
	K{n}_1
	K{n}_2
	K{n}_3
	K{n}_4 = "s{n}"
	K{n}_5 = 1 << 40
	K{n}_6 = K{n}_5 >> 3
	K{n}_7 = 3.25 * 2
)

var (
	V{n}_a = K{n}_1 + K{n}_2
	V{n}_b = []int{{1, 2, 3, K{n}_3}}
	V{n}_c = map[string]int{{"a": 1, "b": 2}}
	V{n}_d = K{n}_4 + "x"
	V{n}_e float64 = K{n}_7
	V{n}_f, V{n}_g = 1, "two"
	V{n}_h = struct{{ a, b int }}{{1, 2}}
	V{n}_i = &V{n}_h
)
'''

DEEPEXPR = '''
func g{n}(a, b, c int, x, y float64, s string) (int, bool) {{
	r := (a+b*c-(a/(b+1))%7+(c<<2)>>1)&0xff | (a^b)&^c
	r += ((((a + 1) * (b + 2)) - ((c + 3) * (a + 4))) / ((b + 5) + (c + 6))) * {n}
	f := x*y + (x-y)/(x+y+1) - float64(r)*0.5 + float64(len(s))*(x*x-y*y)
	ok := (a > b && b > c) || (a == c && !(b < 0)) || (f > 1.5 && s != "" && len(s) < 10)
	ok = ok && (r%2 == 0 || r%3 == 0 || r%5 == 0) && !(a == 0 && b == 0 && c == 0)
	t := s + s[:1] + string(rune(65+a%26)) + "x" + s + "yz" + s
	return r + int(f) + len(t) + max{n}(a, max{n}(b, max{n}(c, max{n}(r, len(t))))), ok
}}

func max{n}(a, b int) int {{
	if a > b {{
		return a
	}}
	return b
}}
'''

GENERICS = '''
type Num{n} interface {{
	~int | ~int64 | ~float64
}}

type Pair{n}[K comparable, V any] struct {{
	Key K
	Val V
}}

type List{n}[T any] struct {{
	items []T
}}

func (l *List{n}[T]) Push(x T) {{ l.items = append(l.items, x) }}

func (l *List{n}[T]) Len() int {{ return len(l.items) }}

func Map{n}[T, U any](xs []T, f func(T) U) []U {{
	out := make([]U, 0, len(xs))
	for _, x := range xs {{
		out = append(out, f(x))
	}}
	return out
}}

func Sum{n}[T Num{n}](xs []T) T {{
	var s T
	for _, x := range xs {{
		s += x
	}}
	return s
}}

func use{n}() int {{
	l := &List{n}[int]{{}}
	l.Push({n})
	p := Pair{n}[string, int]{{Key: "k", Val: l.Len()}}
	ys := Map{n}([]int{{1, 2, 3}}, func(x int) float64 {{ return float64(x) / 2 }})
	return p.Val + int(Sum{n}(ys)) + Sum{n}([]int{{p.Val}})
}}
'''

SHAPES = {
    'mixed': (MIXED, ['errors', 'fmt', 'strings'],
              'v, err := f0([]int{1, 2, 3}, nil)\n\tfmt.Println(v, err)'),
    'smallfuncs': (SMALLFUNCS, [], 'println(e0())'),
    'globals': (GLOBALS, [], 'println(V0_a, V0_d)'),
    'deepexpr': (DEEPEXPR, [], 'println(g0(1, 2, 3, 1.5, 2.5, "s"))'),
    'generics': (GENERICS, [], 'println(use0())'),
}


def main():
    shape = 'mixed'
    args = []
    for a in sys.argv[1:]:
        if a.startswith('--shape='):
            shape = a[len('--shape='):]
        else:
            args.append(a)
    if shape not in SHAPES:
        sys.exit('gen-big.py: unknown shape %r (one of %s)' % (shape, ', '.join(SHAPES)))
    unit, imports, main_body = SHAPES[shape]
    target = int(args[0]) if args else 100000
    out = ['package main', '']
    if imports:
        out += ['import ('] + ['\t"%s"' % i for i in imports] + [')', '']
    lines = len(out)
    unit_lines = unit.count('\n')
    n = 0
    while lines + unit_lines < target - 5:
        out.append(unit.format(n=n))
        lines += unit_lines
        n += 1
    out.append('func main() {\n\t' + main_body + '\n}')
    sys.stdout.write('\n'.join(out) + '\n')


main()
