package main

import "fmt"

type Big struct {
	A [20]int
	S string
}

type Pad struct {
	A int8
	B int64
	C int16
	_ int32
	D bool
}

type IK [2]interface{}

func main() {
	m := map[Big]Big{}
	var k Big
	for i := 0; i < 50; i++ {
		k.A[i%20] = i
		k.S = fmt.Sprint(i)
		var v Big
		v.A[0] = i * 2
		m[k] = v
	}
	k = Big{}
	k.A[0] = 0
	k.S = "0"
	fmt.Println(len(m), m[k].A[0])
	sum := 0
	for kk, vv := range m {
		sum += vv.A[0] + len(kk.S)
	}
	fmt.Println(sum)
	p := map[Pad]int{}
	p[Pad{A: 1, B: 2, C: 3, D: true}] = 7
	p[Pad{A: 1, B: 2, C: 3, D: false}] = 8
	fmt.Println(len(p), p[Pad{A: 1, B: 2, C: 3, D: true}])
	ik := map[IK]int{{1, "a"}: 1, {1, 2.5}: 2}
	fmt.Println(ik[IK{1, "a"}], ik[IK{1, 2.5}], ik[IK{nil, nil}])
	ss := "hello world"
	sm := map[string]int{}
	sm[ss[0:5]] = 1
	sm[ss[6:]] = 2
	fmt.Println(sm["hello"], sm["world"])
	dbl := map[int]int{1: 1, 2: 2, 3: 3}
	for k, v := range dbl {
		dbl[k] = v * 10
	}
	fmt.Println(dbl[1], dbl[2], dbl[3], len(dbl))
	fmt.Println(m[Big{}].S == "", len(m))
	arr := map[string][3]int{}
	arr["x"] = [3]int{1, 2, 3}
	a := arr["x"]
	a[0] = 9
	fmt.Println(arr["x"][0], a[0], arr["y"][2])
	type S struct {
		m map[string]int
	}
	s := S{}
	fmt.Println(s.m == nil, len(s.m), s.m["q"])
	ptrk := map[*int]string{}
	x, y := 1, 1
	ptrk[&x] = "x"
	ptrk[&y] = "y"
	fmt.Println(len(ptrk), ptrk[&x], ptrk[&y], ptrk[nil] == "")
	ch := map[interface{}]int{}
	ch[[2]int{1, 2}] = 5
	fmt.Println(ch[[2]int{1, 2}])
	var iface interface{} = m
	_, isMap := iface.(map[Big]Big)
	fmt.Println(isMap)
}
