package p

func f() {
	go (g())
	defer g
	if true {
	} else for {
	}
}
