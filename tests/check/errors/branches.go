package main

var x int

func gotos() {
	goto A // jumps over the declaration of y
	y := 1
	_ = y
A:
	goto B // into a block
	{
	B:
	}
	goto C // C is declared later in an enclosing block: fine
	for {
		goto D // D is declared later in the enclosing block: fine
	}
D:
C:
	goto E
	var z, w int
	_, _ = z, w
E:
	goto undefined
}

func labels() {
L1: // unused
	for {
	}
L2:
	x++
L2: // duplicate
	x--
	goto L2
_:
	for {
		break
	}
}

func breaks() {
	break
	continue
	switch x {
	case 1:
		continue
	case 2:
		break
	}
	select {
	default:
		break
	}
	for {
		switch {
		case true:
			continue
		}
		func() {
			break
		}()
	}
}

func labeled() {
Loop:
	for {
		switch {
		case x == 1:
			break Loop
		case x == 2:
			continue Loop
		}
	}
Sw:
	switch {
	case x == 3:
		break Sw
	case x == 4:
		continue Sw
	}
Sel:
	select {
	default:
		break Sel
	}
Blk:
	{
		break Blk
	}
Stmt:
	x++
	for {
		break Stmt
		continue Nowhere
		break Nowhere
	}
Outer:
Inner:
	for {
		break Outer
		continue Inner
	}
}

func fallthroughs(v interface{}) {
	switch x {
	case 0:
		fallthrough
	case 1:
		{
			fallthrough
		}
	case 2:
		fallthrough
		x++
	case 3:
		if x > 0 {
			fallthrough
		}
	case 4:
		fallthrough;;
	case 5:
		fallthrough
	}
	switch v.(type) {
	case int:
		fallthrough
	case string:
	}
	fallthrough
	for {
		fallthrough
	}
}

func main() {
	gotos()
	labels()
	breaks()
	labeled()
	fallthroughs(nil)
	func() {
	L:
		for {
			continue L
		}
	}()
	func() {
	Unused:
	}()
}
