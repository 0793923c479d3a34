#!/usr/bin/env python3
"""Writes a large valid Go program to stdout, for measuring `goscope check`.

    tools/gen-big.py 100000 > /tmp/big.go

The program mixes what real code has: structs with methods, interfaces,
closures, maps, slices, loops, switches, string formatting. Each unit is
about 50 lines; units are repeated with distinct names until the target
line count is reached.
"""
import sys

UNIT = '''
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

def main():
    target = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    out = ['package main', '', 'import (', '\t"errors"', '\t"fmt"', '\t"strings"', ')', '']
    lines = len(out)
    unit_lines = UNIT.count('\n')
    n = 0
    while lines + unit_lines < target - 5:
        out.append(UNIT.format(n=n))
        lines += unit_lines
        n += 1
    out.append('func main() {\n\tv, err := f0([]int{1, 2, 3}, nil)\n\tfmt.Println(v, err)\n}')
    sys.stdout.write('\n'.join(out) + '\n')

main()
