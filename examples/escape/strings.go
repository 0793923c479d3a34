// String conversions and concatenations allocate their result (small
// non-escaping results can use a stack buffer).
package main

var sink string
var bsink []byte

func concat(a, b string) string {
	return a + b + "!"
}

func local(a, b string) int {
	s := a + b
	return len(s)
}

func conversions(s string, b []byte, r rune) {
	bs := []byte(s)
	rs := []rune(s)
	_ = len(bs) + len(rs)
	sink = string(b)
	sink = string(r)
	bsink = []byte(s)
}

func main() {
	sink = concat("x", "y")
	_ = local("a", "b")
	conversions("hi", nil, 'x')
}
