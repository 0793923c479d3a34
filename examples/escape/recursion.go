// Mutually recursive functions are analysed together: their parameters
// flow into each other directly instead of through tags.
package main

var sink *int

func even(n int, p *int) bool {
	if n == 0 {
		return true
	}
	return odd(n-1, p)
}

func odd(n int, p *int) bool {
	if n == 0 {
		sink = p
		return false
	}
	return even(n-1, p)
}

func main() {
	x := 1
	_ = even(4, &x)
}
