// Runs in the browser (added to the page by page.browser.test.ts): renders a Flex bubble with the page's
// own renderer and reports the computed layout, so the test can compare it with LINE's documented sizes.
window.flexProbe = async (bubble) => {
  const { renderFlex } = await import("/simulator/assets/flex.js");
  const node = renderFlex(bubble, () => {});
  document.body.append(node);
  const style = (selector) => getComputedStyle(node.querySelector(selector));
  const width = (element) => element.getBoundingClientRect().width;
  const body = node.querySelector(".flex-body > .flex-box");
  const [wrapped, baseline, horizontal] = [...body.children];
  return {
    width: width(node),
    titleSize: style(".flex-header .flex-text").fontSize,
    titleWeight: style(".flex-header .flex-text").fontWeight,
    headerBackground: style(".flex-header .flex-box").backgroundColor,
    headerFill: width(node.querySelector(".flex-header .flex-box")),
    wrappedLines: Math.round(
      wrapped.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(wrapped).lineHeight),
    ),
    wrappedSize: getComputedStyle(wrapped).fontSize,
    baselineMargin: baseline.style.marginTop,
    baselineAlign: getComputedStyle(baseline).alignItems,
    flexRatio: width(baseline.children[1]) / width(baseline.children[0]),
    horizontalGap: horizontal.style.marginTop,
    verticalSeparatorWidth: width(horizontal.children[1]),
    footerSeparator: style(".flex-footer").borderTopStyle,
    buttonHeight: node.querySelector(".flex-button").getBoundingClientRect().height,
  };
};
