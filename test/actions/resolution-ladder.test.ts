// The resolution ladder: parsing WxH and stepping down by pixel count.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkLadder, DEFAULT_LADDER, nextLower, parseResolution, pixelCount } from '../../src/actions/resolution-ladder.js';

describe('parseResolution', () => {
  it('reads WIDTHxHEIGHT and rejects everything else', () => {
    assert.deepEqual(parseResolution('1920x1080'), { width: 1920, height: 1080 });
    assert.deepEqual(parseResolution('640X480'), { width: 640, height: 480 });
    for (const bad of ['1920by1080', '1920 x 1080', '0x480', '640x0', '99999x1', 'x480', '1920x1080p', '']) {
      assert.equal(parseResolution(bad), null, bad);
    }
  });
});

describe('nextLower', () => {
  it('walks the default ladder down to the floor', () => {
    assert.deepEqual(DEFAULT_LADDER, ['1920x1080', '1280x720', '640x480']);
    assert.equal(nextLower('1920x1080'), '1280x720');
    assert.equal(nextLower('1280x720'), '640x480');
    assert.equal(nextLower('640x480'), null);
    assert.equal(nextLower('320x240'), null);
  });

  it('sends an off-ladder value to the first step below its pixel count', () => {
    assert.equal(nextLower('3840x2160'), '1920x1080');
    assert.equal(nextLower('1600x900'), '1280x720');
    assert.equal(nextLower('800x600'), '640x480');
  });

  it('uses any ladder, in any order, by pixels', () => {
    const ladder = ['640x360', '2560x1440', '1280x720'];
    assert.equal(nextLower('2560x1440', ladder), '1280x720');
    assert.equal(nextLower('1280x720', ladder), '640x360');
    assert.equal(nextLower('1920x1080', ladder), '1280x720');
  });

  it('breaks equal-pixel steps by ladder order, and never steps to an equal count', () => {
    assert.equal(nextLower('1920x1080', ['720x1280', '1280x720']), '720x1280');
    assert.equal(nextLower('1080x1920', ['1920x1080']), null);
  });

  it('returns null for an unparsable value', () => {
    assert.equal(nextLower('big'), null);
  });
});

describe('checkLadder and pixelCount', () => {
  it('names the bad step', () => {
    assert.equal(checkLadder(DEFAULT_LADDER), null);
    assert.equal(checkLadder([]), 'resolution ladder is empty; give at least one step like "640x480"');
    assert.equal(checkLadder(['1280x720', 'hd']), 'resolution ladder step 2 "hd" is not WIDTHxHEIGHT; write it like "1280x720"');
  });

  it('counts pixels, 0 when unparsable', () => {
    assert.equal(pixelCount('1280x720'), 921600);
    assert.equal(pixelCount('nope'), 0);
  });
});
