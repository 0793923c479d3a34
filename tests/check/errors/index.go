// Index and slice expressions: strings, arrays, pointers to arrays,
// slices, maps; constant bounds (types2's index.go).

package main

var (
	a  [3]int
	pa *[3]int
	s  []int
	ps *[]int
	st string
	m  map[string]int
	i  int
	i8 int8
	u  uint
	f  float64
	x  int
	p  *int
	c  chan int
	fn func() [3]int
)

const cs = "abc"

// A constant string indexed is a byte value, not a constant.
const k1 = cs[1]

// Sliced, it is a string value.
const k2 = cs[1:2]

const k3 = len(cs[1:])

func index() {
	_ = [3]int{}[5]
	_ = a[2]
	_ = a[3]
	_ = a[-1]
	_ = a[1.5]
	_ = a[2.0]
	_ = a["x"]
	_ = a[i]
	_ = a[1<<70]
	_ = a[u]
	_ = pa[3]
	_ = s[-1]
	_ = s[100]
	_ = s[f]
	_ = cs[5]
	_ = "abc"[3]
	_ = "abc"[2]
	_ = st[10]
	_ = m["a"]
	_ = m[1]
	_ = x[0]
	_ = p[0]
	_ = ps[0]
	_ = c[0]
	_ = fn[0]
	_, _ = m["a"]
	a[1] = 1
	"abc"[1] = 'x'
	st[0] = 'x'
	fn()[1] = 1
}

func slices() {
	_ = s[2:1]
	_ = s[1:2:0]
	_ = s[3:1:2]
	_ = s[1:2:3]
	_ = s[-1:]
	_ = st[1:2:3]
	_ = "abc"[1:0]
	_ = "abc"[1:4]
	_ = "abc"[1:3]
	_ = fn()[1:2]
	_ = a[1:2]
	_ = a[:4]
	_ = a[1:2:5]
	_ = pa[:4]
	_ = x[1:2]
	_ = m[1:2]
	_ = []int{1, 2}[1:3]
	_ = [3]int{}[1:2]
	_ = s[5:3]
	_ = s[1.5:]
	_ = s[:"a"]
	_ = s[i8:u]
	_ = a[3:]
	_ = a[:]
	_ = pa[1:2:3]
	_ = a[i:1]
	_ = a[2:i:1]
}

func main() {}
