package exprs

var (
	a = -x + y*z - w/v%u<<2 == 3 && !p || q
	b = (*T).Method
	c = (*T)(nil)
	d = (<-chan int)(ch)
	e = <-ch
	f = <-chan <-chan int(nil)
	g = chan<- chan int(nil)
	h = []int{1, 2, 3}[1:2:3]
	i = [...]string{0: "a", 5: "b"}
	j = map[Point]string{{1, 2}: "p", {X: 3}: "q"}
	k = struct{ a int }{a: 1}
	l = func(x int) int { return x * x }(4)
	m = x.(interface{ M() })
	n = G[int, string]{}
	o = F[int](1)
	p = s[i:]
	q = &T{}
	r = []func(){}
	s = new(func())
	t = make(map[string][]*T, 10)
	u = f(xs...)
	v = 'x' + 0x1p-2 + 1i
)
