// LeetCode 78 (subsets): appending a slice that later changes shares its
// array, so earlier results are overwritten; copying each result fixes it.
package main

import "fmt"

func helperShared(nums []int, res *[][]int, tmp []int, level int) {
	*res = append(*res, tmp) // aliases tmp's array
	for i := level; i < len(nums); i++ {
		tmp = append(tmp, nums[i])
		helperShared(nums, res, tmp, i+1)
		tmp = tmp[:len(tmp)-1]
	}
}

func helperCopied(nums []int, res *[][]int, tmp []int, level int) {
	var a []int
	a = append(a, tmp[:]...) // a fresh array each time
	*res = append(*res, a)
	for i := level; i < len(nums); i++ {
		tmp = append(tmp, nums[i])
		helperCopied(nums, res, tmp, i+1)
		tmp = tmp[:len(tmp)-1]
	}
}

func subsets(nums []int, helper func([]int, *[][]int, []int, int)) [][]int {
	if len(nums) == 0 {
		return nil
	}
	var res [][]int
	var tmp []int
	helper(nums, &res, tmp, 0)
	return res
}

func main() {
	pre := []int{1, 2, 3}
	fmt.Println(subsets(pre, helperShared))
	fmt.Println(subsets(pre, helperCopied))
}
