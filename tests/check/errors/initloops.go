package main

type T struct{}

func (T) m() int { return t }

var t = T{}.m()

var a, b = f2()

func f2() (int, int) { return c, 1 }

var c = b

var d = func() int { return e }()

var e = d

var g = h

func h() int { return h2() }

func h2() int { return g }

var ok1 = k1()

func k1() int { return k2() }

func k2() int {
	if false {
		return k1()
	}
	return ok2
}

var ok2 = 1

var self = func() int { return self }()

var p = T.m

var q = r

var r = q + s

var s = r

func main() {}
