package main

/**
 * Definition for a binary tree node (the runner declares it).
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */

// genreTreeDepth returns the number of nodes on the longest root-to-leaf path (0 for an empty tree).
// The tree can be a single chain up to 100,000 nodes deep.
func genreTreeDepth(root *TreeNode) int {
	panic("genreTreeDepth is not implemented yet")
}
