package main

type T struct{ n int }

func (T) M() {}

type I interface {
	M()
	N()
}

func main() {
	var x interface{} = T{1}
	i := x.(I)
	i.M()
}
