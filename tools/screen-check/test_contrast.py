"""The contrast maths against WCAG's own figures, and a low-contrast pair caught:
python3 -m unittest discover -s tools/screen-check"""
import unittest

import contrast


class ContrastTests(unittest.TestCase):
    def test_black_on_white_is_21_and_a_colour_on_itself_is_1(self):
        self.assertAlmostEqual(contrast.ratio((0, 0, 0, 1), (255, 255, 255, 1)), 21.0, places=2)
        self.assertAlmostEqual(contrast.ratio((43, 138, 62, 1), (43, 138, 62, 1)), 1.0)

    def test_known_pairs(self):
        # #767676 on white is the classic 4.54:1; #777777 just fails 4.5.
        self.assertAlmostEqual(contrast.ratio(contrast.parse("rgb(118, 118, 118)"), (255, 255, 255, 1)), 4.54, places=2)
        self.assertLess(contrast.ratio(contrast.parse("rgb(119, 119, 119)"), (255, 255, 255, 1)), 4.5)

    def test_large_text_needs_three(self):
        self.assertTrue(contrast.large(24, 400))
        self.assertTrue(contrast.large(18.7, 700))
        self.assertFalse(contrast.large(18.7, 400))
        self.assertFalse(contrast.large(18, 700))

    def test_alpha_is_painted_over_the_layers_below(self):
        self.assertEqual(contrast.flatten(["rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)"]), (127.5, 127.5, 127.5, 1.0))
        self.assertEqual(contrast.flatten([]), (255.0, 255.0, 255.0, 1.0))

    def test_a_pale_label_fails_and_a_dark_one_passes(self):
        pale = {"kind": "text", "what": "pale", "colour": "rgb(230, 119, 0)", "background": ["rgb(246, 247, 249)"], "size": 16, "weight": 400}
        dark = dict(pale, what="dark", colour="rgb(11, 37, 69)")
        result = contrast.verdict([pale, dark], [])
        self.assertEqual([f["what"] for f in result["failures"]], ["pale"])
        self.assertLess(result["text"], 3)

    def test_a_face_outline_below_three_fails(self):
        face = {"kind": "shape", "what": "disc", "colour": "rgb(92, 148, 13)", "background": ["rgb(43, 138, 62)"]}
        self.assertEqual(len(contrast.verdict([face], [])["failures"]), 1)


if __name__ == "__main__":
    unittest.main()
