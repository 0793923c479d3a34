package p

func f(a int b int) {}

func g() {
	h(1 2)
	_ = []int{1 2}
}

func h() {
	_ = T{a: 1
	}
}
