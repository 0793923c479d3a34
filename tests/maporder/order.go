// Iteration order of a map: each run of the program ranges over the same
// map; gc randomizes the hash seed and the starting bucket and offset, so
// the order of the lines differs between runs while the set does not.
package main

func main() {
	m := map[string]int{}
	for i := 0; i < 40; i++ {
		m[string(rune('A'+i%26))+string(rune('a'+i/26))] = i * i
	}
	for k, v := range m {
		println(k, v)
	}
}
