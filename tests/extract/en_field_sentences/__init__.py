"""English sentences written for the tests (never article text): each case says every claim it
holds with the fields it decides, and the events, or that it holds nothing."""
