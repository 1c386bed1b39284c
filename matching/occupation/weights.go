package occupation

// fittedWeights weigh a text's features for a unit group into its score:
// fBest to fLevel3 for the text, for its qualifier and for its last word's
// head, then fModel. They were fitted on the training titles alone, by
// five-fold cross-validation: each fold's titles resolved against an index
// of the other four, and the weights that make the right unit group most
// probable among each title's candidates (softmax, a little weight decay)
// fitted on all of them. TestResolve_FitWeights in quality_test.go fits
// them again, the same.
var fittedWeights = [nFeat]float64{
	// the text
	2.5322, 0.9273, 0.9592, 0.6064, -0.0476, 1.2812, 1.2882, 0.6135, 0.3205, 0.7271, 0.5189,
	// its qualifier
	1.4680, 0.2457, -0.0584, 0.0765, -0.6387, 0.4087, 0.7060, -0.8752, 0.2553, -0.1041, 0.0666,
	// its last word's head
	0.5560, -0.4613, 0.5870, -0.4923, 0.3347, 0.2664, 0.3311, 0.6658, -0.1888, -0.0871, 0.1313,
	// the model
	0.5168,
}
