package p

import 1

func f() {
	_ = x[1:2:]
	_ = x[::3]
	_ = (T){}
	var _ = <-chan<- int(nil)
	switch x := 1 {
	}
}
