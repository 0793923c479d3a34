// Parameters that flow to results are reported with the number of
// dereferences on the way ("level"): the caller decides what escapes.
package main

type Node struct {
	next *Node
	val  *int
}

func identity(p *int) *int { return p }

func first(n *Node) *int { return n.val }

func deref(pp **int) *int { return *pp }

func both(a, b *int) (*int, *int) { return b, a }

func main() {
	x := 1
	_ = identity(&x)
	n := &Node{val: &x}
	_ = first(n)
	p := &x
	_ = deref(&p)
	y := 2
	_, _ = both(&x, &y)
}
