// Assigning a variable to an interface-typed element, field or global
// converts it (the variable's register is not the interface value).
package main

type I0 interface{}

type Putter interface{ put(s string) string }

type Box struct {
	n   int
	out Putter
}

type Sink struct{ tag string }

func (k *Sink) put(s string) string { return k.tag + ":" + s }

var ia [4]I0
var g I0

func main() {
	s := "now is"
	n := 12345
	b := true
	ia[0] = s
	ia[1] = n
	ia[2] = b
	g = s
	println(ia[0].(string), ia[1].(int), ia[2].(bool), g.(string))

	var local [2]I0
	local[1] = n
	println(local[1].(int), local[0] == nil)

	k := &Sink{"sink"}
	box := new(Box)
	box.out = k
	println(box.out.put("abc"))

	m := map[string]I0{}
	m["x"] = s
	println(m["x"].(string))
}
