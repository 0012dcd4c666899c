package main

/**
 * Definition for a binary tree node (the runner declares it).
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */

// maxAdRevenue returns the largest total Val over sets of nodes with no parent-child pair.
// It returns 0 for an empty tree and panics if any node has a negative Val.
func maxAdRevenue(root *TreeNode) int {
	panic("maxAdRevenue is not implemented yet")
}
